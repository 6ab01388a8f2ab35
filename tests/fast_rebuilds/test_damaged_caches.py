"""Damaged cache files are set aside with a warning naming them; nothing is left half-written."""

from __future__ import annotations

import errno
import logging
import os
import pickle
from types import SimpleNamespace

import pytest
import safe_state as safe_files
from fast_rebuilds import content_cache
from fast_rebuilds.frozen_urls import SummaryMemo
from fast_rebuilds.incremental.cache_key import guard_content_cache
from fast_rebuilds.incremental.state import RenderState, state_path
from fast_rebuilds.incremental.written import RECORD_NAME, WrittenRecord
from pelican.cache import FileDataCacher


def _settings(tmp_path, **more) -> dict:
    return {"OUTPUT_PATH": str(tmp_path / "output"), "CACHE_PATH": str(tmp_path / "cache"),
            "PATH": str(tmp_path / "content"), "CACHE_CONTENT": True,
            "LOAD_CONTENT_CACHE": True, "GZIP_CACHE": False, "PLUGIN_PATHS": [], **more}


@pytest.mark.parametrize("data", [b"\xff\xfe\x00random", b"null", b"[1]", b'{"version": 3,'
                                  b' "outputs": {"a.html": {"names": 7}}, "lists": []}'])
def test_damaged_render_state_is_set_aside(tmp_path, data, caplog) -> None:
    settings = _settings(tmp_path)
    path = state_path(settings)
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="fast_rebuilds"):
        assert RenderState(settings).load() == {}
    assert str(path) in caplog.text and "damaged" in caplog.text
    assert path.with_name(path.name + ".damaged").read_bytes() == data


@pytest.mark.parametrize("data", [b"\x00\x01\x02", b"null", b'{"key": 1, "summaries": [1]}'])
def test_damaged_summary_cache_is_set_aside(tmp_path, data, caplog) -> None:
    settings = _settings(tmp_path)
    memo_path = tmp_path / "cache" / "fast_rebuilds_summaries.json"
    memo_path.parent.mkdir(parents=True)
    memo_path.write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="fast_rebuilds"):
        assert SummaryMemo(settings).old == {}
    assert str(memo_path) in caplog.text
    assert not memo_path.exists()


def test_random_bytes_in_the_cache_key_are_set_aside(tmp_path, caplog) -> None:
    settings = _settings(tmp_path)
    key = tmp_path / "cache" / "fast_rebuilds_cache_key"
    key.parent.mkdir(parents=True)
    key.write_bytes(os.urandom(64) + b"\xff")
    with caplog.at_level(logging.WARNING, logger="fast_rebuilds"):
        guard_content_cache(SimpleNamespace(settings=settings))
    assert str(key) in caplog.text
    assert key.read_text().isalnum()  # a good key written again


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage"])
def test_damaged_content_cache_pickle_is_set_aside_before_pelican_loads_it(
        tmp_path, damage, caplog) -> None:
    settings = _settings(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    good = pickle.dumps({"a.md": ("stamp", "data")})
    (cache / "PagesGenerator-Readers").write_bytes(good)
    bad = cache / "ArticlesGenerator-Readers"
    bad.write_bytes({"empty": b"", "truncated": good[:-5], "garbage": b"hello"}[damage])
    with caplog.at_level(logging.WARNING, logger="fast_rebuilds"):
        assert content_cache.check_pickles(settings) == [bad]
    assert str(bad) in caplog.text
    assert not bad.exists() and (cache / "PagesGenerator-Readers").read_bytes() == good
    # Pelican's cacher then starts empty instead of dying on EOFError.
    full = {**settings, "CACHE_PATH": str(cache)}
    assert FileDataCacher(full, "ArticlesGenerator-Readers", True, True)._cache == {}


def test_pelican_content_cache_is_saved_atomically(tmp_path, monkeypatch) -> None:
    settings = _settings(tmp_path)
    content_cache.install()
    cacher = FileDataCacher(settings, "ArticlesGenerator-Readers", True, False)
    cacher.cache_data("a.md", "one")
    cacher.save_cache()
    path = tmp_path / "cache" / "ArticlesGenerator-Readers"
    saved = path.read_bytes()
    cacher.cache_data("b.md", "two")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    cacher.save_cache()  # a full disk: a warning, and the old file intact
    assert path.read_bytes() == saved
    assert sorted(p.name for p in path.parent.iterdir()) == ["ArticlesGenerator-Readers"]


def test_atomic_write_leaves_the_old_file_when_the_disk_is_full(tmp_path, monkeypatch) -> None:
    target = tmp_path / "state.json"
    target.write_text("old")
    target.chmod(0o640)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        safe_files.atomic_write_text(target, "new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["state.json"]
    monkeypatch.undo()
    safe_files.atomic_write_text(target, "new")
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o640


def test_written_record_drops_damaged_lines_and_paths_outside_the_output(tmp_path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    (out / RECORD_NAME).write_bytes(b'a.html\t1\t2\n\xff\xfe\n../etc/x\t1\t2\n"oops"\n'
                                    b'/abs\t1\t2\nb.html\t3\t4\n"t\\tab.html"\t5\t6\nc.ht')
    assert WrittenRecord(str(out)).files == {"a.html": [1, 2], "b.html": [3, 4],
                                             "t\tab.html": [5, 6]}


def test_written_record_round_trips_odd_names(tmp_path) -> None:
    record = WrittenRecord(str(tmp_path))
    names = {"a b/index.html": [1, 2], 'q"uote.html': [3, 4], "new\nline.html": [5, 6]}
    for rel, stat in names.items():
        record.note(rel, stat)
    record.close()
    assert WrittenRecord(str(tmp_path)).files == names
    record.save(names)
    assert WrittenRecord(str(tmp_path)).files == names

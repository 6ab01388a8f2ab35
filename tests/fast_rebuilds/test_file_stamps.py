"""file_stamps: Pelican's content-cache hash of a file computed once per build."""

from __future__ import annotations

import hashlib

from fast_rebuilds import file_stamps
from pelican.cache import FileStampDataCacher
from pelican.settings import DEFAULT_CONFIG


def test_each_file_hashed_once_per_build_and_again_when_changed(tmp_path) -> None:
    settings = {**DEFAULT_CONFIG, "CACHE_PATH": str(tmp_path / "cache"),
                "CHECK_MODIFIED_METHOD": "sha256"}
    post = tmp_path / "a.md"
    post.write_text("x")
    cacher = FileStampDataCacher(settings, "Test", True, False)
    calls: list[str] = []
    real = cacher._filestamp_func
    cacher._filestamp_func = lambda path: calls.append(path) or real(path)
    file_stamps.install()
    file_stamps.new_build()

    stamps = [cacher._get_file_stamp(str(post)) for _ in range(4)]
    assert stamps == [hashlib.sha256(b"x").digest()] * 4 and len(calls) == 1
    post.write_text("changed")  # another size and mtime: hashed again, right away
    assert cacher._get_file_stamp(str(post)) == hashlib.sha256(b"changed").digest()
    assert len(calls) == 2
    file_stamps.new_build()  # the next build hashes afresh
    cacher._get_file_stamp(str(post))
    assert len(calls) == 3
    assert cacher._get_file_stamp(str(tmp_path / "missing.md")) == ""


def test_mtime_method_untouched(tmp_path) -> None:
    settings = {**DEFAULT_CONFIG, "CACHE_PATH": str(tmp_path / "cache"),
                "CHECK_MODIFIED_METHOD": "mtime"}
    post = tmp_path / "a.md"
    post.write_text("x")
    file_stamps.install()
    cacher = FileStampDataCacher(settings, "Test", True, False)
    assert cacher._get_file_stamp(str(post)) == post.stat().st_mtime

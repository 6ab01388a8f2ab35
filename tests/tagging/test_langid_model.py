"""The decompressed copy of py3langid's model (`langid_model`): same identifier, read from the
cache on the next run, and a damaged or unwritable cache never stops language detection."""

from __future__ import annotations

import logging

import numpy as np
import pytest
from news_archive.tagging import langid_model
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

TEXTS = (
    "The council met on Monday, officials said, and will meet again next week.",
    "Совет собрался в понедельник, сообщили официальные лица.",
    "Shura dushanba kuni yig'ildi, deb xabar berdi rasmiylar.",
    "شورای شهر روز دوشنبه تشکیل جلسه داد",
)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_ARCHIVE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def plain():
    return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)


def _same(ours, theirs) -> None:
    assert np.array_equal(ours.nb_ptc, theirs.nb_ptc) and ours.nb_ptc.dtype == theirs.nb_ptc.dtype
    assert np.array_equal(ours.nb_pc, theirs.nb_pc)
    assert ours.nb_classes == theirs.nb_classes
    assert ours.tk_nextmove == theirs.tk_nextmove and ours.tk_row == theirs.tk_row
    assert ours.tk_output == theirs.tk_output
    for text in TEXTS:
        assert ours.classify(text) == theirs.classify(text)


def test_first_run_writes_the_cache_and_the_next_reads_it(cache, plain, monkeypatch):
    first = langid_model.load_identifier()
    _same(first, plain)
    entries = [p for p in cache.iterdir() if not p.name.startswith(".")]
    assert len(entries) == 1 and (entries[0] / "complete").is_file()

    def no_decompress(_model_file):
        raise AssertionError("the model was decompressed again")

    monkeypatch.setattr(langid_model, "_decompress", no_decompress)
    again = langid_model.load_identifier()
    assert isinstance(again.nb_ptc.base, np.memmap)  # mapped from the cache
    _same(again, plain)


def test_a_damaged_entry_is_set_aside_with_a_warning(cache, plain, caplog):
    langid_model.load_identifier()
    entry = next(p for p in cache.iterdir() if not p.name.startswith("."))
    (entry / "out_feat.npy").write_bytes(b"not an array")
    with caplog.at_level(logging.WARNING, logger="news_archive"):
        identifier = langid_model.load_identifier()
    _same(identifier, plain)
    assert "damaged" in caplog.text and entry.name in caplog.text
    assert (cache / (entry.name + ".damaged")).is_dir()
    assert (entry / "complete").is_file()  # written again from py3langid's file


@pytest.mark.parametrize("name,array", [
    ("out_feat", np.zeros(3, dtype=np.int32)),  # fewer states than the automaton has
    ("classes", np.array(["en", "ru"])),  # fewer languages than the tables have columns
])
def test_inconsistent_arrays_count_as_damage(cache, plain, name, array):
    langid_model.load_identifier()
    entry = next(p for p in cache.iterdir() if not p.name.startswith("."))
    np.save(entry / f"{name}.npy", array)
    _same(langid_model.load_identifier(), plain)
    assert (cache / (entry.name + ".damaged")).is_dir()


def test_an_unwritable_cache_folder_is_skipped(tmp_path, monkeypatch, plain):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("NEWS_ARCHIVE_CACHE_DIR", str(blocker / "cache"))
    _same(langid_model.load_identifier(), plain)


def test_no_home_folder_means_no_cache(monkeypatch, plain):
    monkeypatch.delenv("NEWS_ARCHIVE_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(langid_model.Path, "home", staticmethod(no_home))
    _same(langid_model.load_identifier(), plain)

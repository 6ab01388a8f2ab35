"""The vectorised py3langid walk answers exactly as py3langid, and the bounded language sample
(`SAMPLE_CHARS`) gives the language the longer sample gave, on texts written for this project."""

from __future__ import annotations

import json
import random
import sys

import numpy as np
import pytest
from conftest import ROOT
from news_archive.tagging import langid_walk, language
from news_archive.tagging.language import _identifier, detect_language

sys.path.insert(0, str(ROOT / "bench"))

import generate_archive as ga  # noqa: E402

SAMPLES = ("multilingual_samples.jsonl", "multilingual_holdout.jsonl",
           "multilingual_persons.jsonl", "multilingual_persons_holdout.jsonl")


def project_texts() -> list[str]:
    """bench/data's multilingual samples, the sample site's raw files and generated dumps."""
    texts = []
    for name in SAMPLES:
        for line in (ROOT / "bench" / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                texts.append(json.loads(line)["text"])
    for path in sorted((ROOT / "content" / "raw").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
    texts += [ga.make_article(1, i)[1] for i in range(40)]
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return project_texts()


def test_walk_classifies_as_py3langid(texts):
    ident = _identifier()
    assert langid_walk.prepare(ident)  # the fast path is taken from now on
    rng = random.Random(5)
    cases = [t[:cut] for t in texts for cut in (1, 30, 300, 1000, 4000)]
    cases += ["", " ", "x", "12345", "ÀÉÎ" * 20, "ABC DEF GHI"]  # upper-case: lowered first
    cases += ["".join(chr(rng.randrange(32, 0x3100)) for _ in range(rng.randrange(1, 300)))
              for _ in range(100)]
    for text in cases:
        assert langid_walk.classify(ident, text) == ident.classify(text), text[:80]


def test_feature_counts_in_first_seen_order():
    from py3langid.langid import visit_counts

    ident = _identifier()
    walk = langid_walk.walk_of(ident)
    data = b"Der Stadtrat tagte am Montag in Berlin; the council met on Monday."
    theirs = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data)
    feats, counts = langid_walk.feature_counts(walk, data)
    assert list(theirs.items()) == list(zip(feats.tolist(), counts.tolist(), strict=True))
    assert walk.depth == langid_walk.tree_depth(walk.nextmove, walk.rowbase) > 0


def test_walk_prepared_only_after_many_texts(monkeypatch):
    class Plain:
        def classify(self, text):
            return "xx", 1.0

    built = []
    monkeypatch.setattr(langid_walk, "walk_of", lambda ident: built.append(ident))
    ident = Plain()
    for _ in range(langid_walk.FAST_AFTER):  # a few new files: no 0.15 s set-up
        assert langid_walk.classify(ident, "text") == ("xx", 1.0)
    assert not built
    langid_walk.classify(ident, "text")
    assert built == [ident]


def test_other_layout_falls_back_to_py3langid():
    class Plain:
        def classify(self, text):
            return "xx", 1.0

    assert langid_walk.walk_of(Plain()) is None
    assert langid_walk.classify(Plain(), "any text") == ("xx", 1.0)


def test_bounded_sample_same_language_as_longer_one(texts, monkeypatch):
    longer = {}
    monkeypatch.setattr(language, "SAMPLE_CHARS", 2000)
    for t in texts:
        longer[t] = detect_language(t)
    monkeypatch.undo()
    assert language.SAMPLE_CHARS < 2000
    assert {t: detect_language(t) for t in texts} == longer
    assert len({c for c in longer.values() if c}) >= 10  # many languages were checked
    assert sum(len(t) > 2000 for t in texts) >= 20  # and texts the bound cuts short



def test_float32_rows_are_the_table_rows():
    table = np.arange(40, dtype=np.float16).reshape(10, 4) / np.float16(3)
    rows = langid_walk.Float32Rows(table)
    for feats in ([3, 1], [0, 9, 1], [9], [1, 3, 0, 9]):
        got = rows.take(np.array(feats, dtype=np.intp))
        assert got.dtype == np.float32
        assert np.array_equal(got, table[feats].astype(np.float32))
    assert rows.used == 4  # rows 0, 1, 3, 9 only


def test_float32_rows_grow_as_features_are_met():
    table = (np.arange(3000, dtype=np.float32).reshape(1000, 3) / 7).astype(np.float16)
    rows = langid_walk.Float32Rows(table)
    order = np.random.default_rng(3).permutation(1000)
    for chunk in np.array_split(order, 7):
        assert np.array_equal(rows.take(chunk), table[chunk].astype(np.float32))
    assert rows.used == 1000 and len(rows.rows) >= 1000
    assert np.array_equal(rows.take(order[::-1].copy()), table[order[::-1]].astype(np.float32))

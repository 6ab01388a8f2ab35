"""The learned block classifier of the text-dump cleaner (extract/block_model.py).

Samples are written for these tests (no corpus text); the corpus test needs ../shared.
"""

from __future__ import annotations

import importlib.util

import pytest
from news_archive.datafiles import data_path
from news_archive.extract import block_model
from news_archive.extract.blocks import split_blocks
from news_archive.extract.classify import score_blocks
from news_archive.extract.text_dump import extract_text_dump

PARAS = [
    "The regional council approved a new budget for public libraries on Tuesday, raising "
    "spending on books and reading rooms by a tenth, officials said.",
    "Council members from both parties supported the plan, which also funds longer opening "
    "hours in rural branches during the winter months.",
    "Librarians welcomed the decision but warned that staff shortages would have to be solved "
    "before the new hours can start in the spring.",
]
DUMP = "\n\n".join(["Home | News | Sport", "Council approves library budget", *PARAS,
                    "Share on Facebook", "Most read"]) + "\n"


def test_shipped_model_names_its_source_and_features():
    head = data_path("extract", block_model.MODEL_FILE).read_text(encoding="utf-8").splitlines()[:3]
    assert all(line.startswith("#") for line in head)
    assert "bench/train_block_classifier.py" in " ".join(head)
    model = block_model.load_model()
    assert model is not None
    weights, (drop_below, add_above) = model
    assert len(weights) == len(block_model.FEATURES)
    assert 0 < drop_below < 1


def test_feature_rows_match_feature_names():
    scored = score_blocks(split_blocks(DUMP))
    body = [s for s in scored if s.text in PARAS]
    start = scored.index(body[0])
    end = scored.index(body[-1])
    idx, rows = block_model.candidate_rows(scored, body, start, end, "Council approves")
    assert idx == list(range(len(scored)))  # the window reaches both ends of a short dump
    assert all(len(r) == len(block_model.FEATURES) for r in rows)
    kept = block_model.FEATURES.index("rule_kept")
    assert [r[kept] for r in rows] == [float(scored[i] in body) for i in idx]


def test_model_keeps_clear_article_paragraphs():
    assert extract_text_dump(DUMP).paragraphs == PARAS


def test_refine_body_drops_what_the_model_rejects(monkeypatch):
    # a model that rejects list items: the rule's list item goes, prose stays
    li = block_model.FEATURES.index("li")
    weights = [0.0] * len(block_model.FEATURES)
    weights[block_model.FEATURES.index("bias")], weights[li] = 3.0, -10.0
    monkeypatch.setattr(block_model, "load_model", lambda: (weights, (0.5, 1.01)))
    text = "\n\n".join(["Council approves library budget", PARAS[0],
                        "  * A short list item of the article", PARAS[1], PARAS[2]]) + "\n"
    scored = score_blocks(split_blocks(text))
    body = scored[1:]
    out = block_model.refine_body(scored, body, 1, len(scored) - 1, scored[0].text, 0, "")
    assert [s.text for s in out] == PARAS


def test_without_a_model_the_rules_decide(monkeypatch):
    monkeypatch.setattr(block_model, "load_model", lambda: None)
    scored = score_blocks(split_blocks(DUMP))
    body = [s for s in scored if s.text in PARAS]
    assert block_model.refine_body(scored, body, 2, 4, "", 1, "") is body


def test_drop_only_model_never_adds(monkeypatch):
    weights = [0.0] * len(block_model.FEATURES)
    weights[block_model.FEATURES.index("bias")] = 30.0  # everything looks like article text
    monkeypatch.setattr(block_model, "load_model", lambda: (weights, (0.1, 1.01)))
    scored = score_blocks(split_blocks(DUMP))
    body = [s for s in scored if s.text in PARAS]
    out = block_model.refine_body(scored, body, 2, 4, "", 1, "")
    assert [s.text for s in out] == PARAS


@pytest.mark.parametrize("style", ["html2text", "inscriptis", "lynx", "w3m"])
def test_model_does_not_lower_corpus_f1(shared_dir, style, monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "score_extraction", shared_dir / "eval" / "score_extraction.py")
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    dev = shared_dir / "corpus" / "dev"
    truth, texts = {}, {}
    for d in sorted(p for p in dev.iterdir() if (p / "truth.txt").is_file()):
        if (d / f"dump_{style}.txt").is_file():
            truth[d.name] = (d / "truth.txt").read_text(encoding="utf-8")
            texts[d.name] = (d / f"dump_{style}.txt").read_text(encoding="utf-8",
                                                                 errors="replace")

    def f1() -> float:
        pred = {k: "\n\n".join(extract_text_dump(t).paragraphs) for k, t in texts.items()}
        return sc.aggregate(sc.per_doc_rows(truth, pred))["f1"]

    with_model = f1()
    monkeypatch.setattr(block_model, "load_model", lambda: None)
    assert with_model >= f1()

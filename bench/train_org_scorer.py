#!/usr/bin/env python3
"""Train the organization candidate scorer (L2-regularised logistic regression, numpy) on
the shared dev labels; report full-dev, 5-fold cross-validated and A/B-half F1.

usage: train_org_scorer.py [--shared DIR] [--c 1.0] [--threshold 0.75] [--write] [--errors]

Candidates come from each dev article twice: as the tagger sees it, and "blind" (with the
known-organization lists switched off), so the model learns from ordinary names in context
the way it meets them on unseen articles; an article contributes each name with the same
cues once (a name repeated in a list of venues is one example). A candidate is positive when
its normalised text is a gold organization's name or alias. Folds are fixed by article id
(md5 of the id); the A/B split is another fixed bit of the same hash. --write stores the
weights trained on all articles in plugins/news_archive/tagging/data/org_scorer.tsv.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(REPO / "bench"))
from eval_entities import load_texts  # noqa: E402
from news_archive.tagging import org_scorer, organizations, tag_text  # noqa: E402
from news_archive.tagging.document import Doc  # noqa: E402
from news_archive.tagging.org_candidates import candidates  # noqa: E402
from shared_eval import load_eval_module  # noqa: E402  (bench folder is on the path)

FOLDS = 5
TYPES = ("countries", "organizations", "persons")


def id_hash(doc_id: str) -> int:
    """Fixed hash of an article id (folds and halves)."""
    return int(hashlib.md5(doc_id.encode()).hexdigest()[:12], 16)


def fold_of(doc_id: str) -> int:
    """Cross-validation fold of an article."""
    return id_hash(doc_id) % FOLDS


def half_of(doc_id: str) -> str:
    """Fixed A/B half of an article."""
    return "AB"[(id_hash(doc_id) // FOLDS) % 2]


def load_scorer(shared: Path):
    """The official scorer module."""
    return load_eval_module(shared, "score_entities")


def _blind_known(doc: Doc, orgs) -> None:
    for s in doc.spans:
        if s.kind == "org":
            s.suppressed = True


def collect(text: str, forms: set[str], norm, blind: bool) -> list[tuple[list[str], int, str]]:
    """(features, label, normalised name) of every candidate of one article."""
    known = organizations._known
    if blind:
        organizations._known = _blind_known
    try:
        doc = Doc(text)
        orgs = organizations.find_organizations(doc)
        pieces = organizations.discover(doc, orgs, doc.chunks())
        return [(c.features, int(norm(c.text) in forms), norm(c.text))
                for c in candidates(doc, pieces, orgs) if c.features != ["known"]]
    finally:
        organizations._known = known


def train(rows: list[tuple[list[str], int]], c: float, min_count: int = 2) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method; bias not penalised."""
    counts = Counter(f for feats, _ in rows for f in set(feats))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: k for k, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    y = np.array([lab for _, lab in rows], dtype=float)
    for r, (feats, _) in enumerate(rows):
        for f in feats:
            k = index.get(f)
            if k is not None:
                x[r, k] = 1.0
    w = np.zeros(len(vocab))
    reg = np.full(len(vocab), 1.0 / c)
    if "bias" in index:
        reg[index["bias"]] = 1e-6
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {f: float(w[k]) for f, k in index.items()}


def predict(texts, weights: dict[str, float] | None, blind: bool = False) -> dict[str, dict]:
    """Tag the articles with these scorer weights ({} switches the scorer off); blind: with
    the known-organization lists switched off (how names nobody listed are met)."""
    org_scorer.set_weights(weights)
    known = organizations._known
    if blind:
        organizations._known = _blind_known
    out = {}
    try:
        for doc_id, text, pub in texts:
            tags = tag_text(text, published=pub)
            out[doc_id] = {"countries": tags.countries,
                           "organizations": [o.name for o in tags.organizations],
                           "persons": tags.persons}
    finally:
        org_scorer.set_weights(None)
        organizations._known = known
    return out


def scores(gold: dict, preds: dict, scorer, ids) -> dict[str, float]:
    """Micro F1 per type over the given article ids."""
    tot = {t: [0, 0, 0] for t in TYPES}
    for doc_id in ids:
        r = scorer.score_doc(gold[doc_id], preds.get(doc_id, {}))
        for t in TYPES:
            tot[t][0] += r[t]["tp"]
            tot[t][1] += r[t]["fp"]
            tot[t][2] += r[t]["fn"]
    return {t: round(scorer.prf(*v)[2], 4) for t, v in tot.items()}


def report(label: str, gold, preds, scorer, ids) -> str:
    """One line: F1 on all articles and on the A and B halves."""
    parts = [f"{label:<26}"]
    for name, sel in (("all", ids), ("A", [i for i in ids if half_of(i) == "A"]),
                      ("B", [i for i in ids if half_of(i) == "B"])):
        s = scores(gold, preds, scorer, sel)
        parts.append(f"{name}: org {s['organizations']:.3f} per {s['persons']:.3f} "
                     f"cty {s['countries']:.3f}")
    return "  ".join(parts)


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("NEWS_ARCHIVE_SHARED") or str(REPO.parent / "shared")
    ap.add_argument("--shared", default=default)
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength (default 1)")
    ap.add_argument("--threshold", type=float, default=0.75,
                    help="acceptance probability (default %(default)s, the shipped one)")
    ap.add_argument("--write", action="store_true", help="write data/org_scorer.tsv")
    ap.add_argument("--errors", nargs="?", const="lists", choices=("lists", "blind"),
                    help="print cross-validated org errors (with lists, or blind)")
    a = ap.parse_args()
    shared = Path(a.shared)
    scorer = load_scorer(shared)
    gold = {}
    with open(shared / "eval" / "entities_dev.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                gold[r["id"]] = r
    texts = load_texts(shared)
    ids = [t[0] for t in texts]
    rows_of: dict[str, list] = {}
    for doc_id, text, _pub in texts:
        forms = {scorer.norm(x) for o in gold[doc_id]["organizations"]
                 for x in [o["name"], *o.get("aliases", [])]}
        rows = collect(text, forms, scorer.norm, False) + collect(text, forms, scorer.norm, True)
        seen: set[tuple] = set()  # one example per distinct name and cues of an article
        rows_of[doc_id] = [(f, y) for f, y, name in rows
                           if (k := (name, *sorted(f))) not in seen and not seen.add(k)]
    n = sum(len(v) for v in rows_of.values())
    pos = sum(lab for v in rows_of.values() for _, lab in v)
    print(f"{len(ids)} articles, {n} candidates ({pos} positive)")

    print(report("shipped weights", gold, predict(texts, None), scorer, ids))
    print(report("lists and rules only", gold, predict(texts, {}), scorer, ids))
    print(report("  blind (no org lists)", gold, predict(texts, {}, True), scorer, ids))
    cv: dict[str, dict] = {}
    cv_blind: dict[str, dict] = {}
    for k in range(FOLDS):
        train_rows = [r for i in ids if fold_of(i) != k for r in rows_of[i]]
        w = train(train_rows, a.c)
        w["__threshold__"] = a.threshold
        held = [t for t in texts if fold_of(t[0]) == k]
        cv.update(predict(held, w))
        cv_blind.update(predict(held, w, True))
    print(report(f"{FOLDS}-fold cross-validated", gold, cv, scorer, ids))
    print(report("  blind (no org lists)", gold, cv_blind, scorer, ids))
    if a.errors:
        errors(gold, cv_blind if a.errors == "blind" else cv, scorer, ids)
    w = train([r for i in ids for r in rows_of[i]], a.c)
    w["__threshold__"] = a.threshold
    print(report("trained on all dev", gold, predict(texts, w), scorer, ids))
    if a.write:
        write(w, a, n, pos, len(ids))


def errors(gold, preds, scorer, ids) -> None:
    """Organization false positives and negatives of the cross-validated predictions."""
    for doc_id in ids:
        r = scorer.score_doc(gold[doc_id], preds.get(doc_id, {}))["organizations"]
        if r["fp_items"] or r["fn_items"]:
            print(f"{doc_id[:10]} FP: {'; '.join(r['fp_items'])}  FN: {'; '.join(r['fn_items'])}")


def write(w: dict[str, float], a, n: int, pos: int, docs: int) -> None:
    """Store the weights with a header naming how they were trained."""
    path = REPO / "plugins/news_archive/tagging/data" / org_scorer.WEIGHTS_FILE
    head = [
        "# Weights of the organization candidate scorer (tagging/org_scorer.py).",
        "# Trained by bench/train_org_scorer.py: L2-regularised logistic regression (numpy,",
        f"# Newton's method, C={a.c}, features seen in >= 2 candidates) on {n} candidate spans",
        f"# ({pos} positive) of the {docs} labelled articles of shared/eval/entities_dev.jsonl",
        "# (each article as tagged and with the organization lists switched off).",
        "# Columns: feature, weight; __threshold__ is the acceptance probability.",
    ]
    body = [f"{f}\t{v:.4f}" for f, v in sorted(w.items(), key=lambda kv: -abs(kv[1]))]
    path.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()

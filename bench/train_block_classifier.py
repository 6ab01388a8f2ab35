#!/usr/bin/env python3
"""Train (and cross-validate) the learned block classifier of the text-dump cleaner.

For every dev page and dump style the rule cleaner runs as usual; at the point where it has
chosen the article's blocks, the blocks around its region are recorded with their features
(`news_archive.extract.block_model.FEATURES`) and a label: a block is article text when at
least half of its 4-token shingles occur in the page's ``truth.txt``.  A logistic model
(L2-regularised, fitted by Newton's method with numpy) learns from them.

Reported, with the official scorer's per-document F1 (bodies approximated as the chosen
blocks, before credits and bylines are split off):
  * the rule cleaner's F1 on the same blocks;
  * k-fold cross-validated F1 (folds by page: the four dumps of a page stay together);
  * the fixed A/B split (A: page ids ending in an even hex digit, B: odd): trained on
    one half, scored on the other, both ways.
With --write, the model trained on all dev pages is written to
``plugins/news_archive/extract/data/block_model.json`` (only do so when it helps on both
halves and in k-fold CV).

    python bench/train_block_classifier.py [--shared DIR] [--folds 5] [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))
from news_archive.extract import block_model, text_dump  # noqa: E402
from shared_eval import load_eval_module  # noqa: E402  (bench folder is on the path)

STYLES = ("html2text", "inscriptis", "lynx", "w3m")
OUT = REPO / "plugins" / "news_archive" / "extract" / "data" / block_model.MODEL_FILE
L2 = 1.0
LABEL_SHARE = 0.5


def shared_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("NEWS_ARCHIVE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def load_scorer(shared: Path):
    """The official scorer module."""
    return load_eval_module(shared, "score_extraction")


def collect(shared: Path, scorer) -> list[dict]:
    """One record per (page, style): candidate texts, features, labels, rule decisions."""
    dev = shared / "corpus" / "dev"
    records: list[dict] = []
    captured: list[tuple] = []
    real = text_dump.refine_body

    def record(scored, body, start, end, title, title_i, summary, keep=frozenset()):
        idx, rows = block_model.candidate_rows(scored, body, start, end, title)
        in_body = {id(s) for s in body}
        captured.append(([scored[i].text for i in idx], rows,
                         [id(scored[i]) in in_body for i in idx],
                         [i == title_i or scored[i].text == summary for i in idx],
                         [i in keep for i in idx]))
        return body

    text_dump.refine_body = record
    try:
        for d in sorted(p for p in dev.iterdir() if (p / "truth.txt").is_file()):
            truth = (d / "truth.txt").read_text(encoding="utf-8")
            truth_sh = scorer.shingles(scorer.tokenize(truth))
            for style in STYLES:
                f = d / f"dump_{style}.txt"
                if not f.is_file():
                    continue
                captured.clear()
                text_dump.extract_text_dump(f.read_text(encoding="utf-8", errors="replace"))
                if not captured:
                    continue
                texts, rows, rule, skip, fixed = captured[0]
                labels, sizes = [], []
                for t in texts:
                    sh = scorer.shingles(scorer.tokenize(t))
                    total = sum(sh.values())
                    hit = sum(min(c, truth_sh.get(k, 0)) for k, c in sh.items())
                    labels.append(total > 0 and hit / total >= LABEL_SHARE)
                    sizes.append(max(total, 1))
                records.append({"page": d.name, "style": style, "truth": truth, "texts": texts,
                                "X": np.array(rows, dtype=float), "y": np.array(labels, float),
                                "n": np.array(sizes, float),
                                "rule": np.array(rule, bool), "skip": np.array(skip, bool),
                                "fixed": np.array(fixed, bool)})
    finally:
        text_dump.refine_body = real
    return records


def fit(X: np.ndarray, y: np.ndarray, sw: np.ndarray, l2: float = L2,
        iters: int = 30) -> np.ndarray:
    """Weighted logistic regression by Newton's method with an L2 penalty (bias free)."""
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[0] = 1e-6
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ (sw * (p - y)) + reg * w
        hess = (X * (sw * p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def body_of(rec: dict, keep: np.ndarray) -> str:
    """The body as `block_model.refine_body` builds it: the rule's blocks that are kept (with
    their repeats), plus added blocks that are not the headline, standfirst or a repeat."""
    seen, out = set(), []
    for t, k, s, r in zip(rec["texts"], keep, rec["skip"], rec["rule"], strict=True):
        if k and (r or (not s and t not in seen)):
            out.append(t)
            seen.add(t)
    return "\n\n".join(out)


def f1_of(scorer, recs: list[dict], bodies: list[str]) -> float:
    truth = {f"{r['page']}/{r['style']}": r["truth"] for r in recs}
    pred = {f"{r['page']}/{r['style']}": b for r, b in zip(recs, bodies, strict=True)}
    return scorer.aggregate(scorer.per_doc_rows(truth, pred))["f1"]


def model_bodies(w: np.ndarray, recs: list[dict], threshold: tuple[float, float]
                 ) -> list[str]:
    """Bodies chosen by the model: a block the rules kept is dropped below threshold[0], a
    block they left out is added above threshold[1]."""
    drop_below, add_above = threshold
    out = []
    for r in recs:
        p = 1 / (1 + np.exp(-np.clip(r["X"] @ w, -30, 30)))
        keep = np.where(r["rule"], (p >= drop_below) | r["fixed"], p >= add_above)
        out.append(body_of(r, keep) if keep.any() else body_of(r, r["rule"]))
    return out


def train_on(recs: list[dict]) -> np.ndarray:
    X = np.vstack([r["X"] for r in recs])
    y = np.concatenate([r["y"] for r in recs])
    # a block counts by its length (the metric counts shingles), softened by a square root
    sw = np.concatenate([np.sqrt(r["n"]) for r in recs])
    return fit(X, y, sw)


def evaluate(scorer, recs: list[dict], groups: list[list[str]],
             threshold: tuple[float, float]) -> tuple:
    """(rule F1, model F1) over held-out groups of pages, each scored by a model trained on
    the other pages."""
    bodies_rule, bodies_model, held = [], [], []
    for group in groups:
        gset = set(group)
        train = [r for r in recs if r["page"] not in gset]
        test = [r for r in recs if r["page"] in gset]
        w = train_on(train)
        held += test
        bodies_model += model_bodies(w, test, threshold)
        bodies_rule += [body_of(r, r["rule"]) for r in test]
    return f1_of(scorer, held, bodies_rule), f1_of(scorer, held, bodies_model), held


def per_style(scorer, recs, bodies) -> dict[str, float]:
    out = {}
    for style in STYLES:
        sel = [(r, b) for r, b in zip(recs, bodies, strict=True) if r["style"] == style]
        out[style] = f1_of(scorer, [r for r, _ in sel], [b for _, b in sel])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--drop-below", type=float, default=0.1,
                    help="a block the rules kept is dropped below this probability")
    ap.add_argument("--add-above", type=float, default=1.01,
                    help="a block the rules left out is added above this probability")
    ap.add_argument("--write", action="store_true", help="write the model trained on all pages")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    scorer = load_scorer(shared)
    if OUT.is_file() and not args.write:
        print(f"note: {OUT.name} exists; features are recorded from the rule cleaner anyway")
    block_model.load_model.cache_clear()
    saved = None
    if OUT.is_file():  # the recorded rule decisions must not depend on a shipped model
        saved = OUT.read_bytes()
        OUT.unlink()
    try:
        recs = collect(shared, scorer)
    finally:
        if saved is not None:
            OUT.write_bytes(saved)
    pages = sorted({r["page"] for r in recs})
    n_blocks = sum(len(r["y"]) for r in recs)
    print(f"{len(pages)} pages, {len(recs)} dumps, {n_blocks} candidate blocks, "
          f"{Counter(np.concatenate([r['y'] for r in recs]).astype(int).tolist())} labels")
    threshold = (args.drop_below, args.add_above)
    rng = np.random.default_rng(16)
    order = list(rng.permutation(pages))
    folds = [order[k :: args.folds] for k in range(args.folds)]
    rule_f1, cv_f1, held = evaluate(scorer, recs, folds, threshold)
    print(f"{args.folds}-fold CV (bodies as chosen blocks): rule {rule_f1:.4f}  "
          f"model {cv_f1:.4f}  ({cv_f1 - rule_f1:+.4f})")
    half_a = [p for p in pages if int(p[-1], 16) % 2 == 0]
    half_b = [p for p in pages if int(p[-1], 16) % 2 == 1]
    for name, test_half in (("A", half_a), ("B", half_b)):
        r, m, _ = evaluate(scorer, recs, [test_half], threshold)
        print(f"half {name} ({len(test_half)} pages, trained on the other half): rule {r:.4f}  "
              f"model {m:.4f}  ({m - r:+.4f})")
    w_all = train_on(recs)
    full = model_bodies(w_all, recs, threshold)
    rule_bodies = [body_of(r, r["rule"]) for r in recs]
    print(f"full dev (in-sample): rule {f1_of(scorer, recs, rule_bodies):.4f}  "
          f"model {f1_of(scorer, recs, full):.4f}")
    for style, v in per_style(scorer, recs, full).items():
        print(f"  {style:<11} rule {per_style(scorer, recs, rule_bodies)[style]:.4f}  "
              f"model {v:.4f}")
    if args.write:
        header = [
            "# Learned block classifier of the text-dump cleaner (logistic regression).",
            f"# Trained by bench/train_block_classifier.py on the {len(pages)} dev pages of",
            "# ../shared/corpus/dev (four dump styles each; labels from truth.txt shingles),",
            f"# L2 {L2}, thresholds {threshold}; {args.folds}-fold CV F1 {cv_f1:.4f} "
            f"(rule {rule_f1:.4f}).",
        ]
        body = {"features": list(block_model.FEATURES),
                "weights": [round(float(x), 6) for x in w_all],
                "drop_below": args.drop_below, "add_above": args.add_above}
        OUT.write_text("\n".join(header) + "\n" + json.dumps(body, indent=1) + "\n",
                       encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

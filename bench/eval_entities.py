#!/usr/bin/env python3
"""Score the entity tagger on the shared dev labels and measure its speed.

usage: eval_entities.py [--shared DIR] [--out PRED.jsonl] [--passes N] [--errors] [--halves]

Runs ``tag_text`` over every labelled dev article (``corpus/dev/<id>/truth.txt``) and the seed
body, writes PRED.jsonl, runs the official ``eval/score_entities.py --persons`` and prints its
table plus articles per second on one core (best of several passes). --halves also prints F1
on the fixed A/B halves of bench/train_org_scorer.py; that script reports the 5-fold
cross-validated scores of the learned organization scorer.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))

SEED_FILE = "seed/000_d215a75f65c67019.txt"
SEED_PUBLISHED = "2021-07-07"


def seed_body(shared: Path) -> str:
    """The seed article body: 'Tajikistan has appealed' through the credit line."""
    raw = (shared / SEED_FILE).read_text(encoding="utf-8")
    start = raw.index("Tajikistan has appealed")
    end = raw.index("\n", raw.index("With reporting by"))
    return raw[start:end]


def load_texts(shared: Path) -> list[tuple[str, str, str | None]]:
    """(id, text, published) for every labelled article."""
    out = []
    with open(shared / "eval" / "entities_dev.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc_id = json.loads(line)["id"]
            if doc_id == "seed":
                out.append((doc_id, seed_body(shared), SEED_PUBLISHED))
            else:
                path = shared / "corpus" / "dev" / doc_id / "truth.txt"
                out.append((doc_id, path.read_text(encoding="utf-8"), None))
    return out


def print_halves(shared: Path, preds: list[dict]) -> None:
    """F1 per type on the A and B halves (fixed by article id, as in train_org_scorer)."""
    sys.path.insert(0, str(REPO / "bench"))
    from train_org_scorer import half_of, load_scorer, scores

    scorer = load_scorer(shared)
    with open(shared / "eval" / "entities_dev.jsonl", encoding="utf-8") as f:
        gold = {r["id"]: r for r in map(json.loads, filter(str.strip, f))}
    by_id = {p["id"]: p for p in preds}
    for half in "AB":
        ids = [i for i in gold if half_of(i) == half]
        s = scores(gold, by_id, scorer, ids)
        print(f"half {half} ({len(ids)} articles): organizations {s['organizations']:.3f} "
              f"persons {s['persons']:.3f} countries {s['countries']:.3f}")


def eval_parser(description: str, predictions: str) -> argparse.ArgumentParser:
    """The options every entity evaluation takes (shared folder, output, timing, errors)."""
    ap = argparse.ArgumentParser(description=description)
    default = os.environ.get("NEWS_ARCHIVE_SHARED") or str(REPO.parent / "shared")
    ap.add_argument("--shared", default=default, help="shared folder (default: %(default)s)")
    ap.add_argument("--out", default=str(REPO / "bench" / "out" / predictions))
    ap.add_argument("--passes", type=int, default=5, help="timing passes (default 5)")
    ap.add_argument("--errors", action="store_true", help="print per-article FPs and FNs")
    return ap


def main() -> None:
    """Command-line entry point."""
    ap = eval_parser(__doc__.splitlines()[0], "entities_pred.jsonl")
    ap.add_argument("--halves", action="store_true", help="also F1 on the fixed A/B halves")
    a = ap.parse_args()
    shared = Path(a.shared)
    if not (shared / "eval" / "entities_dev.jsonl").exists():
        sys.exit(f"shared corpus not found at {shared} (use --shared or NEWS_ARCHIVE_SHARED)")

    from news_archive.tagging import tag_text
    from news_archive.tagging.gazetteer import load

    t0 = time.perf_counter()
    load()
    load_s = time.perf_counter() - t0
    texts = load_texts(shared)
    preds = []
    for doc_id, text, pub in texts:
        tags = tag_text(text, published=pub)
        preds.append({
            "id": doc_id,
            "countries": tags.countries,
            "organizations": [o.name for o in tags.organizations],
            "persons": tags.persons,
            "dates_mentioned": tags.dates_mentioned,
        })
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), "utf-8")

    best = float("inf")
    for _ in range(max(1, a.passes)):
        t = time.perf_counter()
        for _doc_id, text, pub in texts:
            tag_text(text, published=pub)
        best = min(best, time.perf_counter() - t)

    cmd = [sys.executable, str(shared / "eval" / "score_entities.py"),
           str(shared / "eval" / "entities_dev.jsonl"), str(out), "--persons"]
    if a.errors:
        cmd.append("--errors")
    sys.stdout.flush()
    rc = subprocess.call(cmd)
    if a.halves:
        print_halves(shared, preds)
    print(f"speed: {len(texts) / best:.0f} articles/s on one core "
          f"({len(texts)} articles, best of {a.passes} passes; data load {load_s:.2f}s)")
    print(f"predictions: {out}")
    sys.exit(rc)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Article-body quality of the HTML extractor on the shared dev corpus.

Scores plain trafilatura (defaults, and without comments) and `extract_html_page` on every
`corpus/dev/*/page.html` against `truth.txt` with `eval/score_extraction.py` (4-gram shingle
precision/recall/F1) and prints one table row per extractor with pages per second (CPU
time, one core). The extractors are imported before the clock starts, as in
`eval_cleaning.py`, so the speed is that of reading pages, not of loading the modules;
`--passes N` reports the best of N passes (CPU time still varies with what else the
machine's cores run).

    python bench/eval_html.py [--shared DIR] [--passes N] [--per-doc N] [--out PRED.json]

The shared folder defaults to `<repo>/../shared` (or env NEWS_ARCHIVE_SHARED).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
import trafilatura  # noqa: E402
from news_archive.errors import UnreadableInput  # noqa: E402
from news_archive.extract.html_page import extract_html_page  # noqa: E402
from shared_eval import load_eval_module  # noqa: E402  (bench folder is on the path)


def load_scorer(shared: Path):
    """The official scorer module."""
    return load_eval_module(shared, "score_extraction")


def load_pages(dev: Path) -> tuple[dict[str, str], dict[str, str]]:
    """{id: html} and {id: url} for every dev page that has a truth file."""
    pages, urls = {}, {}
    for d in sorted(p for p in dev.iterdir() if (p / "page.html").is_file()):
        pages[d.name] = (d / "page.html").read_text(encoding="utf-8", errors="replace")
        meta = d / "meta.json"
        urls[d.name] = json.loads(meta.read_text()).get("url", "") if meta.is_file() else ""
    return pages, urls


def ours(html: str, url: str) -> str:
    try:
        return "\n".join(extract_html_page(html, url).paragraphs)
    except UnreadableInput:
        return ""


def trafilatura_default(html: str, url: str) -> str:
    return trafilatura.extract(html) or ""


def trafilatura_no_comments(html: str, url: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def run(fn: Callable[[str, str], str], pages: dict[str, str], urls: dict[str, str],
        passes: int = 1):
    """Predictions and pages per second of the fastest of `passes` passes (CPU time of this
    process: one core, and not inflated by other work on the machine)."""
    best = float("inf")
    for _ in range(max(1, passes)):
        start = time.process_time()
        pred = {k: fn(html, urls[k]) for k, html in pages.items()}
        best = min(best, time.process_time() - start)
    return pred, len(pages) / best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = os.environ.get("NEWS_ARCHIVE_SHARED", str(ROOT.parent / "shared"))
    ap.add_argument("--shared", default=default, help="shared folder (default: %(default)s)")
    ap.add_argument("--passes", type=int, default=1, metavar="N",
                    help="time N passes per extractor and report the fastest (default: 1)")
    ap.add_argument("--per-doc", type=int, default=0, metavar="N",
                    help="also list our N worst pages")
    ap.add_argument("--out", help="write our predictions here as {id: {articleBody}}")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    dev = shared / "corpus" / "dev"
    scorer_file = shared / "eval" / "score_extraction.py"
    if not (dev / "truth.json").is_file() or not scorer_file.is_file():
        sys.exit(f"shared corpus not found at {shared} (need corpus/dev/truth.json and "
                 "eval/score_extraction.py); pass --shared DIR or set NEWS_ARCHIVE_SHARED")
    logging.disable(logging.WARNING)  # trafilatura's per-page warnings
    scorer = load_scorer(shared)
    truth = scorer.load_bodies(dev / "truth.json")
    pages, urls = load_pages(dev)
    pages = {k: v for k, v in pages.items() if k in truth}
    print(f"{len(pages)} pages from {dev}\n")
    print(f"{'extractor':32} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8}")
    rows = []
    for name, fn in [("trafilatura (defaults)", trafilatura_default),
                     ("trafilatura (no comments)", trafilatura_no_comments),
                     ("extract_html_page", ours)]:
        pred, speed = run(fn, pages, urls, args.passes)
        rows = scorer.per_doc_rows(truth, pred)
        res = scorer.aggregate(rows)
        print(f"{name:32} {res['precision']:6.3f} {res['recall']:6.3f} {res['f1']:6.3f} "
              f"{speed:8.1f}")
    if args.out:
        Path(args.out).write_text(json.dumps({k: {"articleBody": v} for k, v in pred.items()},
                                             ensure_ascii=False, indent=1))
    if args.per_doc:
        print("\nour worst pages:")
        for r in sorted(rows, key=lambda r: r["f1"])[: args.per_doc]:
            print(f"  {r['id'][:16]}  F1 {r['f1']:.3f}  P {r['precision']:.3f}  "
                  f"R {r['recall']:.3f}  {urls.get(r['id'], '')[:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Measure the plain-text-dump cleaner on the shared dev corpus with the official scorer.

For every page in ``<shared>/corpus/dev/<id>/`` the cleaner runs on each text dump
(``dump_<style>.txt``); its body ("\\n\\n".join(paragraphs)) is scored against ``truth.txt``
by ``<shared>/eval/score_extraction.py`` (4-gram shingle precision/recall/F1).  A
"whole dump" row scores the untouched dump as a baseline.  Also prints files/second.

Usage:
    python bench/eval_cleaning.py [--shared DIR] [--per-doc STYLE] [--with-summary] [--keep DIR]
                                  [--halves]

The shared directory defaults to ``$NEWS_ARCHIVE_SHARED`` or ``<repo>/../shared``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))

from news_archive.extract.text_dump import extract_text_dump  # noqa: E402

STYLES = ("html2text", "inscriptis", "lynx", "w3m")


def shared_dir(arg: str | None) -> Path:
    """The shared directory: --shared, then $NEWS_ARCHIVE_SHARED, then <repo>/../shared."""
    if arg:
        return Path(arg)
    env = os.environ.get("NEWS_ARCHIVE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def load_pages(dev: Path) -> dict[str, dict[str, str]]:
    """{page id: {"truth": text, style: dump text, ...}} for every page directory."""
    pages = {}
    for d in sorted(p for p in dev.iterdir() if p.is_dir()):
        truth = d / "truth.txt"
        if not truth.exists():
            continue
        page = {"truth": truth.read_text(encoding="utf-8")}
        for style in STYLES:
            f = d / f"dump_{style}.txt"
            if f.exists():
                page[style] = f.read_text(encoding="utf-8", errors="replace")
        pages[d.name] = page
    return pages


def run_scorer(scorer: Path, truth: dict, pred: dict, work: Path, name: str,
               per_doc: bool = False) -> dict:
    """Write truth/pred JSON and run the official scorer on them; returns its JSON result."""
    tpath, ppath = work / f"truth_{name}.json", work / f"pred_{name}.json"
    tpath.write_text(json.dumps({k: {"articleBody": v} for k, v in truth.items()}), "utf-8")
    ppath.write_text(json.dumps({k: {"articleBody": v} for k, v in pred.items()}), "utf-8")
    cmd = [sys.executable, str(scorer), str(tpath), str(ppath), "--json", "--n-boot", "200"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    if per_doc:
        cmd_doc = [sys.executable, str(scorer), str(tpath), str(ppath), "--per-doc",
                   "--n-boot", "1"]
        print(subprocess.run(cmd_doc, capture_output=True, text=True, check=True).stdout)
    start = out.index("{")
    return json.loads(out[start : out.rindex("}") + 1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared",
                    help="shared directory (default: $NEWS_ARCHIVE_SHARED or ../shared)")
    ap.add_argument("--per-doc", metavar="STYLE", help="also print per-document scores for STYLE")
    ap.add_argument("--with-summary", action="store_true",
                    help="score summary + paragraphs instead of paragraphs only")
    ap.add_argument("--keep", metavar="DIR", help="write the JSON files here instead of a temp dir")
    ap.add_argument("--halves", action="store_true",
                    help="also score the fixed A/B split (A: page ids ending in an even hex "
                         "digit, B: odd), as bench/train_block_classifier.py uses it")
    args = ap.parse_args(argv)

    shared = shared_dir(args.shared)
    dev = shared / "corpus" / "dev"
    scorer = shared / "eval" / "score_extraction.py"
    if not dev.is_dir() or not scorer.is_file():
        print(f"skipped: shared corpus/scorer not found at {shared} "
              "(use --shared or NEWS_ARCHIVE_SHARED)")
        return 0

    pages = load_pages(dev)
    truth = {pid: p["truth"] for pid, p in pages.items()}
    preds: dict[str, dict[str, str]] = {s: {} for s in STYLES}
    n_files, elapsed = 0, 0.0
    for style in STYLES:
        for pid, page in pages.items():
            if style not in page:
                continue
            t0 = time.process_time()
            ex = extract_text_dump(page[style])
            elapsed += time.process_time() - t0
            n_files += 1
            parts = ([ex.summary] if args.with_summary and ex.summary else []) + ex.paragraphs
            preds[style][pid] = "\n\n".join(parts)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for style in STYLES:
            res = run_scorer(scorer, truth, preds[style], work, style, args.per_doc == style)
            rows.append((style, res))
        if args.halves:
            for half, parity in (("A", 0), ("B", 1)):
                keys = [pid for pid in truth if int(pid[-1], 16) % 2 == parity]
                for style in STYLES:
                    res = run_scorer(scorer, {k: truth[k] for k in keys},
                                     {k: preds[style][k] for k in keys if k in preds[style]},
                                     work, f"{style}_{half}")
                    rows.append((f"{style} half {half} ({len(keys)})", res))
        whole = {pid: page.get("html2text", "") for pid, page in pages.items()}
        rows.append(("whole dump (html2text)", run_scorer(scorer, truth, whole, work, "whole")))

    print(f"{len(pages)} pages, {n_files} dumps; scored text = "
          f"{'summary + paragraphs' if args.with_summary else 'paragraphs'}")
    print(f"{'style':<24} {'P':>6} {'R':>6} {'F1':>6}")
    for style, res in rows:
        print(f"{style:<24} {res['precision']:6.3f} {res['recall']:6.3f} {res['f1']:6.3f}")
    rate = n_files / elapsed if elapsed else float("inf")
    print(f"speed: {rate:.0f} files/s ({elapsed:.2f} s for {n_files} dumps, CPU time, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

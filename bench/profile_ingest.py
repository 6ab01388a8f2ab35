#!/usr/bin/env python3
"""CPU time of ingest's per-file pipeline, stage by stage, each file seen once as in ingest.

usage: profile_ingest.py RAW_DIR [--warm 200] [--files 300] [--passes 6]
                         [--cprofile N] [--sort cumulative] [--against CHECKOUT]

Each pass runs in a new process (the checkout's own `plugins` first on PYTHONPATH): it loads
the models (`pipeline.warm_up`), runs `process_file` over the first --warm raw files of RAW_DIR
(e.g. made by `bench/generate_archive.py 500 DIR`), so lazy imports and the per-line caches
are in the state a long ingest run has them, then times the next --files files once each,
in CPU time (`time.process_time`). Files are never processed twice in one process: the
extractor's line caches would make a second visit much cheaper than ingest ever sees it.

Half of the passes time `process_file` as a whole; the other half time its steps one by one
(read + sha256, decode + extract, language identification, the rest of `finish`, tag, dedup
sketch), mirroring `process_file`. The best pass of each kind is printed, as ms per file.
--cprofile N runs one more process and prints the N most expensive functions of
`process_file` over the timed files. --against CHECKOUT alternates whole passes of this
checkout with passes of another one (its `plugins` folder on the path) and prints both
checkouts' best and the median ratio of the pairs, which stays fair when other processes
load the machine (each pair runs seconds apart).

    PYTHONPATH=plugins python bench/profile_ingest.py /tmp/raw500
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

STAGES = ("read", "extract", "language", "finish", "tag", "sketch")


def raw_files(raw_dir: Path) -> list[str]:
    """Relative paths of the raw files ingest would read, in its order."""
    from news_archive.ingest.report import Report
    from news_archive.ingest.scan import list_raw_files

    return list_raw_files(raw_dir, Report())


def staged_pass(raw_dir: str, files: list[str]) -> dict[str, float]:
    """CPU seconds of each stage over all files (process_file's steps, timed one by one)."""
    from news_archive.ingest import pipeline as pl
    from news_archive.ingest.dedup import sketch
    from news_archive.tagging.language import detect_language

    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    for rel in files:
        t0 = clock()
        try:
            data = pl.read_raw_bytes(Path(raw_dir) / rel)
            pl.sha256_of(data)
            t1 = clock()
            _fmt, records = pl.extract(data, rel)
        except Exception:
            continue
        t2 = clock()
        spent["read"] += t1 - t0
        spent["extract"] += t2 - t1
        for rec in records:
            if isinstance(rec, Exception) or not rec.paragraphs:
                continue
            t0 = clock()
            pl.apply_manifest(rec, pl.manifest_row(raw_dir, rel))
            if not rec.language:  # timed apart: finish() then finds it set
                sample = " ".join([rec.title, *rec.paragraphs[:5]])
                rec.language = detect_language(sample)
            t1 = clock()
            rec = pl.finish(rec)
            t2 = clock()
            pl.tag(rec)
            t3 = clock()
            sketch("\n\n".join(rec.paragraphs))
            t4 = clock()
            spent["language"] += t1 - t0
            spent["finish"] += t2 - t1
            spent["tag"] += t3 - t2
            spent["sketch"] += t4 - t3
    return spent


def one_pass(raw: Path, warm: int, n: int, kind: str, top: int = 0, sort: str = "") -> dict:
    """In this process: warm up, then time `n` files once each; seconds by stage (or "all")."""
    from news_archive.ingest import pipeline as pl

    raw_dir = str(raw.resolve())
    paths = raw_files(raw.resolve())
    if len(paths) < warm + n:
        sys.exit(f"{raw} holds {len(paths)} raw files; --warm + --files need {warm + n}")
    pl.warm_up()
    for rel in paths[:warm]:
        pl.process_file(raw_dir, rel)
    files = paths[warm : warm + n]
    if kind == "staged":
        return staged_pass(raw_dir, files)
    prof = cProfile.Profile() if top else None
    t = time.process_time()
    if prof:
        prof.enable()
    for rel in files:
        pl.process_file(raw_dir, rel)
    if prof:
        prof.disable()
    spent = {"all": time.process_time() - t}
    if prof:
        pstats.Stats(prof, stream=sys.stderr).sort_stats(sort).print_stats(top)
    return spent


def run_pass(args, kind: str, top: int = 0, plugins: Path | None = None) -> dict:
    """One pass in a new process (same interpreter and environment; `plugins` first on the
    path if given)."""
    cmd = [sys.executable, __file__, str(args.raw), "--warm", str(args.warm), "--files",
           str(args.files), "--one", kind, "--cprofile", str(top), "--sort", args.sort]
    env = os.environ.copy()
    if plugins is not None:
        env["PYTHONPATH"] = str(plugins)
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def compare(args) -> None:
    """Whole passes of this checkout and of `args.against`, alternated (which goes first
    alternates too); prints the best of each and the median ratio of the pairs."""
    other = args.against.resolve() / "plugins"
    ours, theirs, ratios = [], [], []
    for k in range(args.passes):
        pair = [None, other] if k % 2 == 0 else [other, None]
        sec = {str(p): run_pass(args, "whole", plugins=p)["all"] for p in pair}
        ours.append(sec["None"])
        theirs.append(sec[str(other)])
        ratios.append(sec[str(other)] / sec["None"])
    n = args.files
    print(f"{n} files after {args.warm} warm-up files, {args.passes} pairs, CPU ms/file")
    print(f"  this checkout  best {1000 * min(ours) / n:.3f}  "
          f"({' '.join(f'{1000 * s / n:.2f}' for s in ours)})")
    print(f"  {args.against}  best {1000 * min(theirs) / n:.3f}  "
          f"({' '.join(f'{1000 * s / n:.2f}' for s in theirs)})")
    print(f"  median ratio (other / this): {statistics.median(ratios):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--warm", type=int, default=200, help="files processed before timing")
    ap.add_argument("--files", type=int, default=300, help="files timed, each once")
    ap.add_argument("--passes", type=int, default=6, help="processes (half staged, half whole)")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N")
    ap.add_argument("--sort", default="cumulative", help="cProfile sort key (e.g. tottime)")
    ap.add_argument("--against", type=Path, metavar="CHECKOUT",
                    help="alternate whole passes with another checkout's code")
    ap.add_argument("--one", choices=("staged", "whole"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        spent = one_pass(args.raw, args.warm, args.files, args.one, args.cprofile, args.sort)
        print(json.dumps(spent))
        return
    if args.against:
        compare(args)
        return
    n = args.files
    best = dict.fromkeys(STAGES, float("inf"))
    whole = []
    for k in range(max(2, args.passes)):
        if k % 2:
            whole.append(run_pass(args, "whole")["all"])
        else:
            for stage, sec in run_pass(args, "staged").items():
                best[stage] = min(best[stage], sec)
    print(f"{n} files after {args.warm} warm-up files, best of {len(whole)} processes each, "
          "CPU ms/file")
    for stage in STAGES:
        print(f"  {stage:<10} {1000 * best[stage] / n:7.3f}")
    print(f"  {'sum':<10} {1000 * sum(best.values()) / n:7.3f}")
    fastest = min(whole)
    print(f"process_file {1000 * fastest / n:7.3f} ms/file = {n / fastest:.0f} files/s per core "
          f"(passes: {' '.join(f'{1000 * s / n:.2f}' for s in whole)})")
    if args.cprofile:
        run_pass(args, "whole", args.cprofile)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Rebuilds in one long-lived process, as `pelican --autoreload` (`make serve`) runs them.

    python bench/resident_build.py SITE --plugins DIR --theme DIR [--seed 1] [--start N]

SITE holds `content/` (raw files and posts, already built once into `output/` with `cache/`,
as `bench/harness.py` leaves `bench/work/<N>/`). One Pelican instance builds the site with
`run()` five times:

1. first build of the process (nothing changed on disk; the process reads everything);
2. no-change rebuild;
3. after 10 new raw files dated after the whole archive (a day of news): the first ingest of
   the process also loads the extraction and tagging data;
4. after 10 more raw files of the same day (the steady state of a running server);
5. after 10 more raw files at any date (a back-fill).

Prints one line per build and a final `RESIDENT {json}` line with the seconds and the
incremental writer's counts of each. Only `run()` is timed, not the watcher's reaction time
(`pelican --autoreload` polls for changes) nor the process start.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from build_phases import build_args, incremental_stats  # noqa: E402
from generate_archive import AFTER_ARCHIVE, generate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--plugins", type=Path, default=ROOT / "plugins")
    ap.add_argument("--theme", type=Path, default=ROOT / "theme")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=None,
                    help="number of the first generated file (default: files in raw/)")
    args = ap.parse_args(argv)
    from pelican import get_instance, parse_arguments

    site = args.site.resolve()
    raw = site / "content" / "raw"
    pelican, _ = get_instance(parse_arguments(
        ["-q", *build_args(site, args.plugins.resolve(), args.theme.resolve())]))
    start = args.start if args.start is not None else sum(1 for _ in raw.iterdir())
    changes = {
        "first": None,
        "nochange": None,
        "add10": lambda: generate(10, raw, seed=args.seed, start=start,
                                  first_day=AFTER_ARCHIVE, span_days=1),
        "add10_again": lambda: generate(10, raw, seed=args.seed, start=start + 10,
                                        first_day=AFTER_ARCHIVE, span_days=1),
        "backfill10": lambda: generate(10, raw, seed=args.seed, start=start + 20),
    }
    report = {}
    for name, change in changes.items():
        if change:
            change()
        t = time.perf_counter()
        pelican.run()
        seconds = time.perf_counter() - t
        stats = incremental_stats(site / "cache")
        report[name] = {"seconds": seconds, **stats}
        print(f"  resident {name}: {seconds:.2f} s, {stats['rendered']} rendered, "
              f"{stats['skipped']} unchanged", flush=True)
    print("RESIDENT " + json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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
(`pelican --autoreload` polls for changes) nor the process start. Each build is also split in
two phases at Pelican's `all_generators_finalized` signal: *context* (generators, ingest,
reading the posts, article context, entity index: what `run()` does for every article whatever
changed) and *writing* (deciding every output, rendering the changed ones, feeds, sitemap,
state); `render_s` is the part of writing spent in template renders and feed writes.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from build_phases import build_args, incremental_stats, site_parser  # noqa: E402
from generate_archive import AFTER_ARCHIVE, generate  # noqa: E402


class PhaseClock:
    """Seconds of one `run()` before and after `all_generators_finalized`, and the seconds
    spent in template renders and feed writes after it."""

    def __init__(self) -> None:
        from jinja2 import Template
        from pelican import signals
        from pelican.writers import Writer

        self.start = self.context_end = 0.0
        self.render = 0.0
        self.writing = False
        self.depth = 0  # a feed write or render inside another is counted once
        signals.all_generators_finalized.connect(self._context_done, weak=False)
        for cls, name in ((Template, "render"), (Writer, "write_feed")):
            setattr(cls, name, self._timed(getattr(cls, name)))

    def _context_done(self, *_args, **_kwargs) -> None:
        self.context_end = time.perf_counter()
        self.writing = True

    def _timed(self, func):
        def timed(*args, **kwargs):
            if not self.writing or self.depth:
                return func(*args, **kwargs)
            t = time.perf_counter()
            self.depth += 1
            try:
                return func(*args, **kwargs)
            finally:
                self.depth -= 1
                self.render += time.perf_counter() - t
        return timed

    def begin(self) -> None:
        self.start = self.context_end = time.perf_counter()
        self.render, self.writing = 0.0, False

    def phases(self, end: float) -> dict[str, float]:
        return {"context_s": self.context_end - self.start, "writing_s": end - self.context_end,
                "render_s": self.render}


def main(argv: list[str] | None = None) -> int:
    ap = site_parser(__doc__)
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
    clock = PhaseClock()
    report = {}
    for name, change in changes.items():
        if change:
            change()
        clock.begin()
        pelican.run()
        end = time.perf_counter()
        stats = incremental_stats(site / "cache")
        report[name] = {"seconds": end - clock.start, **clock.phases(end), **stats}
        print(f"  resident {name}: {end - clock.start:.2f} s (context "
              f"{report[name]['context_s']:.2f} s, renders {clock.render:.2f} s), "
              f"{stats['rendered']} rendered, {stats['skipped']} unchanged", flush=True)
    print("RESIDENT " + json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

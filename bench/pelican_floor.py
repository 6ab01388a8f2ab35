#!/usr/bin/env python3
"""What any `pelican` build of an archive costs before it writes anything.

    python bench/pelican_floor.py CONTENT -s SETTINGS -o OUTPUT --cache CACHE
                                  [--rounds 3] [--cache-content] [--stop-after-context]

Stock Pelican (the settings given, normally `stock_pelican.conf.py`: no plugins) builds CONTENT
`--rounds` times in one process, as `pelican --autoreload` does, with changes that only make it
faster: the writer writes nothing, and a post read once in the process is handed back from
memory afterwards. What is left of a round up to `all_generators_finalized` is Pelican's own
work on every article, whatever changed: finding the files, reading them (first round only),
building each article's context, sorting, grouping by date, tag, category and author.

- With `--stop-after-context`, the process exits as soon as the first round's context is
  built, so its wall time (which `harness.py` takes) is from start-up to context. With
  `--cache-content` (Pelican's content cache on) and a cache filled by an earlier run, that is
  the least a `pelican content` rebuild costs before it writes anything.
- `resident_s`: the fastest context of the later rounds, where reading costs nothing: the least
  a rebuild in a long-lived process costs before it writes anything. Measure it without
  `--cache-content`, which would add Pelican's saving and loading of its cache to every round.

Prints one line per round and a final `FLOOR {json}` line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("content", type=Path)
    ap.add_argument("-s", "--settings", type=Path, required=True)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--stop-after-context", action="store_true",
                    help="exit when the first round's context is built")
    ap.add_argument("--cache-content", action="store_true",
                    help="Pelican's content cache on (CACHE_CONTENT, LOAD_CONTENT_CACHE)")
    args = ap.parse_args(argv)

    from pelican import get_instance, parse_arguments, signals
    from pelican.readers import Readers
    from pelican.writers import Writer

    Writer.write_file = lambda self, *a, **k: None
    Writer.write_feed = lambda self, *a, **k: None
    read_once: dict[tuple, object] = {}
    read_file = Readers.read_file

    def read_from_memory(self, base_path, path, *rest, **kwargs):
        key = (base_path, path)
        if key not in read_once:
            read_once[key] = read_file(self, base_path, path, *rest, **kwargs)
        return read_once[key]

    Readers.read_file = read_from_memory
    context_end = [0.0]

    def context_built(*_args, **_kwargs) -> None:
        context_end[0] = time.perf_counter()
        if args.stop_after_context:
            print(f"FLOOR {json.dumps({'context_s': context_end[0] - round_start[0]})}")
            sys.stdout.flush()
            os._exit(0)

    round_start = [0.0]
    signals.all_generators_finalized.connect(context_built, weak=False)
    pelican, _ = get_instance(parse_arguments([
        "-q", str(args.content), "-s", str(args.settings), "-o", str(args.output),
        "-e", f"CACHE_PATH={json.dumps(str(args.cache))}",
        *(["CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"] if args.cache_content else [])]))
    rounds = []
    for i in range(args.rounds):
        start = round_start[0] = time.perf_counter()
        pelican.run()
        end = time.perf_counter()
        rounds.append({"context_s": context_end[0] - start, "run_s": end - start})
        print(f"  floor round {i}: context {rounds[-1]['context_s']:.2f} s, run "
              f"{rounds[-1]['run_s']:.2f} s (nothing written)", flush=True)
    later = rounds[1:] or rounds
    print("FLOOR " + json.dumps({"resident_s": min(r["context_s"] for r in later),
                                 "rounds": rounds}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

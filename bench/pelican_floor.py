#!/usr/bin/env python3
"""What any `pelican` build of an archive costs before it writes anything.

    python bench/pelican_floor.py CONTENT -s SETTINGS -o OUTPUT --cache CACHE
                                  [--rounds 3] [--cache-content] [--stop-after-read]

Stock Pelican (the settings given, normally `stock_pelican.conf.py`: no plugins) builds CONTENT
`--rounds` times in one process, as `pelican --autoreload` does, with changes that only make it
faster: the writer writes nothing, and a post read once in the process is handed back from
memory afterwards. Two marks per round:

- `read_s`, at `article_generator_pretaxonomy`: the articles generator has found every post,
  read it (from memory after the first round) and ordered the articles. Every Pelican build
  does this for all articles, whatever changed, before it can list any of them.
- `context_s`, at `all_generators_finalized`: Pelican's own grouping by date, tag, category and
  author is done too (a plugin may do that part differently).

With `--stop-after-read`, the process exits at the first round's first mark, so its wall time
(which `harness.py` takes) runs from start-up to all posts read. With `--cache-content`
(Pelican's content cache on) and a cache filled by an earlier run without `--stop-after-read`
(Pelican saves its cache after that mark), that is the least a `pelican content` rebuild costs
before it writes anything. Without `--cache-content` (which
would add Pelican's saving and loading of its cache to every round), the later rounds give the
least a rebuild in a long-lived process costs.

Prints one line per round and a final `FLOOR {json}` line; `read_s` and `context_s` there are
the fastest of the rounds after the first.
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
    ap.add_argument("--stop-after-read", action="store_true",
                    help="exit when the first round has read every post")
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
    marks: dict[str, float] = {}

    def posts_read(*_args, **_kwargs) -> None:
        marks["read"] = time.perf_counter()
        if args.stop_after_read:
            print(f"FLOOR {json.dumps({'read_s': marks['read'] - marks['start']})}")
            sys.stdout.flush()
            os._exit(0)

    signals.article_generator_pretaxonomy.connect(posts_read, weak=False)
    signals.all_generators_finalized.connect(
        lambda *_a, **_k: marks.__setitem__("context", time.perf_counter()), weak=False)
    pelican, _ = get_instance(parse_arguments([
        "-q", str(args.content), "-s", str(args.settings), "-o", str(args.output),
        "-e", f"CACHE_PATH={json.dumps(str(args.cache))}",
        *(["CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"] if args.cache_content else [])]))
    rounds = []
    for i in range(args.rounds):
        marks["start"] = time.perf_counter()
        pelican.run()
        end = time.perf_counter()
        rounds.append({"read_s": marks["read"] - marks["start"],
                       "context_s": marks["context"] - marks["start"],
                       "run_s": end - marks["start"]})
        print(f"  floor round {i}: posts read {rounds[-1]['read_s']:.2f} s, context "
              f"{rounds[-1]['context_s']:.2f} s, run {rounds[-1]['run_s']:.2f} s "
              "(nothing written)", flush=True)
    later = rounds[1:] or rounds
    print("FLOOR " + json.dumps({"read_s": min(r["read_s"] for r in later),
                                 "context_s": min(r["context_s"] for r in later),
                                 "rounds": rounds}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

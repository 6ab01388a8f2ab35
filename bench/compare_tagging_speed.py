#!/usr/bin/env python3
"""Compare the entity tagger's speed of two checkouts, pass by pass, on a busy machine.

usage: compare_tagging_speed.py BASE_REPO OTHER_REPO [--rounds 30] [--shared DIR] [--cpu N]

Starts one worker process per checkout (its own ``plugins`` folder first on the path), loads
the data and tags every labelled dev article once to warm up (startup excluded), then asks
the two workers in turn, alternating which goes first, for one pass over the articles each,
and reads back the CPU time (``time.process_time``) of that pass. Passes of the two
checkouts run seconds apart, so the ratio of a pair is fair even when other processes slow
the machine down; the median ratio of all pairs is the speed-up. --cpu pins both workers to
one core (taskset).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

WORKER = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1] + "/bench")
from eval_entities import load_texts
from news_archive.tagging import tag_text
texts = load_texts(Path(sys.argv[2]))
for _id, text, pub in texts:
    tag_text(text, published=pub)
print(len(texts), flush=True)
for _line in sys.stdin:
    t = time.process_time()
    for _id, text, pub in texts:
        tag_text(text, published=pub)
    print(time.process_time() - t, flush=True)
"""


def start(repo: Path, shared: Path, cpu: int | None) -> tuple[subprocess.Popen, int]:
    """A warmed-up worker for one checkout and the number of articles it tags per pass."""
    env = dict(os.environ, PYTHONPATH=str(repo / "plugins"))
    cmd = [sys.executable, "-c", WORKER, str(repo), str(shared)]
    if cpu is not None:
        cmd = ["taskset", "-c", str(cpu), *cmd]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env=env)
    return proc, int(proc.stdout.readline())


def one_pass(proc: subprocess.Popen) -> float:
    """CPU seconds of one pass over the articles."""
    proc.stdin.write("go\n")
    proc.stdin.flush()
    return float(proc.stdout.readline())


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", type=Path)
    ap.add_argument("other", type=Path)
    ap.add_argument("--rounds", type=int, default=30)
    default = os.environ.get("NEWS_ARCHIVE_SHARED") or str(REPO.parent / "shared")
    ap.add_argument("--shared", type=Path, default=Path(default))
    ap.add_argument("--cpu", type=int, default=None, help="pin both workers to this core")
    a = ap.parse_args()
    workers = [start(a.base.resolve(), a.shared, a.cpu), start(a.other.resolve(), a.shared, a.cpu)]
    n = workers[0][1]
    times: list[list[float]] = [[], []]
    try:
        for r in range(a.rounds):
            for k in ((0, 1) if r % 2 == 0 else (1, 0)):
                times[k].append(one_pass(workers[k][0]))
    finally:
        for proc, _ in workers:
            proc.stdin.close()
            proc.wait()
    for label, ts in zip((a.base, a.other), times, strict=True):
        print(f"{label}: best {n / min(ts):.0f} articles/s, median {n / statistics.median(ts):.0f}"
              f" articles/s (CPU time, {len(ts)} passes of {n} articles)")
    ratios = [b / o for b, o in zip(*times, strict=True)]
    print(f"speed-up of {a.other} over {a.base}: median {statistics.median(ratios):.2f}x "
          f"(pairs from {min(ratios):.2f}x to {max(ratios):.2f}x)")


if __name__ == "__main__":
    main()

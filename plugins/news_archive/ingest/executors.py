"""Where the per-file work runs: in this process, or in a local process pool.

A Dask cluster is the other executor (`distributed.py`); every executor maps
`pipeline.process_file` over raw paths and yields the same `FileResult`s.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import repeat

from .pipeline import FileResult, process_file, warm_up

CHUNK_MAX = 16  # files per task sent to a worker: small, so results stream back


def available_cores() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_local(raw_dir: str, paths: list[str], workers: int | None) -> Iterator[FileResult]:
    """process_file over paths, yielded in order; in a process pool when there is enough work.

    Data (gazetteers, language model, patterns) is loaded once in this process before the
    pool forks, so workers share it instead of each loading it again (kept out of the garbage
    collector's walks, `gc.freeze`). Results come back in small chunks, so the caller handles
    them while the workers go on.
    """
    workers = workers or int(os.environ.get("NEWS_ARCHIVE_WORKERS", "0")) or available_cores()
    if workers <= 1 or len(paths) < 20:
        for p in paths:
            yield process_file(raw_dir, p)
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    warm_up()
    # what is loaded now lives as long as the workers: their garbage collector need not walk
    # it (nor copy the pages it would touch doing so, which the forked workers share)
    gc.freeze()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(CHUNK_MAX, len(paths) // (workers * 4)))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        yield from pool.map(process_file, repeat(raw_dir), paths, chunksize=chunk)
    finally:  # also when the caller stops early: drop the work not started yet
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()  # a long-lived process (a resident build) collects them again

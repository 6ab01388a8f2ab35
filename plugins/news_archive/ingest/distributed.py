"""Run the per-file pipeline on a Dask cluster: `news-archive ingest --dask-scheduler ADDRESS`.

`dask_mapper(address)` returns a `map_files(raw_dir, paths)` for `ingest.ingest` that submits
`pipeline.process_file` over batches of files, so results are exactly what a local run gives.

- Default: the workers read the raw files themselves, so the raw folder must be visible to
  them under the same path (one machine, or a shared file system).
- `ship=True`: the bytes (and `manifest.csv`) are read here and sent to the workers, which
  write each batch to a private temporary folder under the same relative paths.

Workers need the `news_archive` package (and its data files) installed in the same version.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import UnreadableInput
from .manifest import MANIFEST_NAME
from .pipeline import FileResult, process_file, read_raw_bytes

BATCH_SIZE = 32


def process_paths(raw_dir: str, paths: list[str]) -> list[FileResult]:
    """Worker side (shared file system): process_file over a batch of paths."""
    return [process_file(raw_dir, rel) for rel in paths]


def process_batch(batch: list[tuple[str, bytes]],
                  manifest: bytes | None = None) -> list[FileResult]:
    """Worker side (shipped bytes): process_file over a batch of (relative path, raw bytes)."""
    with tempfile.TemporaryDirectory(prefix="news-archive-") as tmp:
        if manifest is not None:
            (Path(tmp) / MANIFEST_NAME).write_bytes(manifest)
        for rel, data in batch:
            target = Path(tmp) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return [process_file(tmp, rel) for rel, _ in batch]


def _read(raw_dir: str, rel: str) -> tuple[bytes | None, FileResult | None]:
    """(bytes, None) or, for an unreadable file, (None, the result process_file would give)."""
    try:
        return read_raw_bytes(Path(raw_dir) / rel), None
    except UnreadableInput as exc:
        return None, FileResult(rel, errors=[(rel, str(exc))])


def _batches(raw_dir: str, paths: list[str], size: int):
    """Readable files in batches of `size`, and the results of the unreadable ones."""
    batch: list[tuple[str, bytes]] = []
    failed: list[FileResult] = []
    for rel in paths:
        data, error = _read(raw_dir, rel)
        if error is not None:
            failed.append(error)
            continue
        batch.append((rel, data))
        if len(batch) >= size:
            yield batch, failed
            batch, failed = [], []
    if batch or failed:
        yield batch, failed


def dask_mapper(address: str, batch_size: int = BATCH_SIZE, ship: bool = False
                ) -> Callable[[str, list[str]], Iterable[FileResult]]:
    """A `map_files` that runs the pipeline on the Dask scheduler at `address`."""
    size = max(1, batch_size)

    def map_files(raw_dir: str, paths: list[str]) -> list[FileResult]:
        from distributed import Client

        if not paths:
            return []
        results: list[FileResult] = []
        with Client(address, set_as_default=False) as client:
            futures = []
            if not ship:
                for i in range(0, len(paths), size):
                    futures.append(client.submit(process_paths, raw_dir, paths[i:i + size],
                                                 pure=False))
            else:
                man = Path(raw_dir) / MANIFEST_NAME
                manifest = client.scatter(man.read_bytes(), broadcast=True) \
                    if man.is_file() else None
                for batch, failed in _batches(raw_dir, paths, size):
                    results += failed
                    if batch:
                        futures.append(client.submit(process_batch, batch, manifest,
                                                     pure=False))
            for batch_results in client.gather(futures):
                results += batch_results
        return results

    return map_files

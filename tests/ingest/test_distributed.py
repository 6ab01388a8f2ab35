"""Ingest on a Dask cluster (CLI --dask-scheduler) gives the same posts as a local ingest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED

pytest.importorskip("distributed", reason="dask[distributed] is not installed (extra 'scale')")
sys.path.insert(0, str(ROOT / "bench"))

from generate_archive import generate  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as lc:
        yield lc.scheduler_address


def _posts(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


@pytest.mark.slow
def test_dask_ingest_matches_local(tmp_path: Path, cluster: str) -> None:
    raw = tmp_path / "raw"
    generate(24, raw, seed=7)
    shutil.copy2(SEED, raw / SEED.name)
    (raw / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)  # reported, not posted
    cmd = [sys.executable, "-m", "news_archive.cli", "ingest", "--raw", str(raw)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    dask_run = subprocess.run(
        [*cmd, "--posts", str(tmp_path / "dask"), "--dask-scheduler", cluster],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert dask_run.returncode == 0, dask_run.stderr[-2000:]
    local_run = subprocess.run([*cmd, "--posts", str(tmp_path / "local"), "--workers", "1"],
                               capture_output=True, text=True, env=env, timeout=600)
    assert local_run.returncode == 0, local_run.stderr[-2000:]
    dask_posts, local_posts = _posts(tmp_path / "dask"), _posts(tmp_path / "local")
    assert len(local_posts) >= 20
    assert dask_posts == local_posts
    assert "broken.txt" in dask_run.stdout and "broken.txt" in local_run.stdout


@pytest.mark.parametrize("ship", [False, True])
def test_dask_mapper_in_process(tmp_path: Path, cluster: str, ship: bool) -> None:
    from news_archive.ingest.distributed import dask_mapper
    from news_archive.ingest.pipeline import process_file

    raw = tmp_path / "raw"
    generate(5, raw, seed=3)
    paths = sorted(p.name for p in raw.glob("*.txt")) + ["missing.txt"]
    mapper = dask_mapper(cluster, batch_size=2, ship=ship)
    got = sorted(mapper(str(raw), paths), key=lambda r: r.path)
    want = sorted((process_file(str(raw), p) for p in paths), key=lambda r: r.path)
    assert [r.path for r in got] == [r.path for r in want]
    assert [r.sha256 for r in got] == [r.sha256 for r in want]
    assert [[d.to_record() for d in r.drafts] for r in got] == \
        [[d.to_record() for d in r.drafts] for r in want]
    assert got[-1].errors and got[-1].errors[0][0] == "missing.txt"

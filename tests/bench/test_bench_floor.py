"""bench/pelican_floor.py: stock Pelican's own work per build, with nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

FLOOR = ROOT / "bench" / "pelican_floor.py"
STOCK = ROOT / "bench" / "stock_pelican.conf.py"


def _posts(tmp_path: Path, n: int = 4) -> Path:
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    for i in range(n):
        (content / "posts" / f"p{i}.md").write_text(
            f"Title: Post {i}\nDate: 2024-01-0{i + 1}\nTags: Ukraine, NATO\n\nBody {i}.\n",
            encoding="utf-8")
    return content


def _floor(tmp_path: Path, *extra: str) -> tuple[subprocess.CompletedProcess, dict]:
    proc = subprocess.run(
        [sys.executable, str(FLOOR), str(tmp_path / "content"), "-s", str(STOCK), "-o",
         str(tmp_path / "out"), "--cache", str(tmp_path / "cache"), *extra],
        capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("FLOOR "))
    return proc, json.loads(line[6:])


def test_rounds_build_the_context_and_write_nothing(tmp_path: Path) -> None:
    _posts(tmp_path)
    proc, floor = _floor(tmp_path, "--rounds", "2")
    assert len(floor["rounds"]) == 2
    assert floor["context_s"] == floor["rounds"][1]["context_s"] > 0
    assert all(r["run_s"] >= r["context_s"] >= r["read_s"] > 0 for r in floor["rounds"])
    assert "Processed 4 articles" in proc.stdout + proc.stderr
    written = [p for p in (tmp_path / "out").rglob("*") if p.suffix in (".html", ".xml")]
    assert written == []


def test_stop_after_read_with_the_content_cache(tmp_path: Path) -> None:
    _posts(tmp_path)
    _floor(tmp_path, "--cache-content", "--rounds", "1")  # the warm-up fills the cache ...
    cache_files = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").rglob("*")}
    assert cache_files, "Pelican's content cache was not filled"
    proc, floor = _floor(tmp_path, "--cache-content", "--stop-after-read")
    assert floor["read_s"] > 0 and "rounds" not in floor
    assert "Processed" not in proc.stdout + proc.stderr  # it stopped before writing
    # ... and a run stopped after reading leaves it as it was
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").rglob("*")} == cache_files

"""Shared test helpers: where things are, and building a site from a folder of raw files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
SHARED = Path(os.environ.get("NEWS_ARCHIVE_SHARED", ROOT.parent / "shared")).resolve()
SEED = ROOT / "content" / "raw" / "000_d215a75f65c67019.txt"
# Per-user caches (the decompressed language model) go to a folder of the tests' own, kept
# between runs, not to the user's ~/.cache; builds the tests start inherit it.
os.environ.setdefault("NEWS_ARCHIVE_CACHE_DIR",
                      str(Path(tempfile.gettempdir()) / "news-archive-test-cache"))


@pytest.fixture(autouse=True)
def fresh_log_limits():
    """Pelican's LimitFilter remembers messages for the life of the process; each test starts
    with none remembered, as a new `pelican` or `news-archive` process does."""
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    yield


@pytest.fixture
def dirs(tmp_path):
    """An empty raw folder and a posts folder (not created yet): (raw, posts)."""
    raw, out = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    return raw, out


@pytest.fixture
def shared_dir() -> Path:
    """../shared (the evaluation corpus); tests using it skip where it is absent."""
    if not (SHARED / "corpus" / "dev").is_dir():
        pytest.skip(f"shared corpus not found at {SHARED} (set NEWS_ARCHIVE_SHARED)")
    return SHARED


def run_pelican(content: Path, output: Path, settings: dict | None = None,
                conf: Path = ROOT / "pelican.conf.py", cwd: Path = ROOT,
                extra_args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Build a site with the real `pelican` command (a subprocess, like a user would)."""
    cmd = [sys.executable, "-m", "pelican", str(content), "-s", str(conf), "-o", str(output)]
    if settings:  # one -e with every KEY=VALUE (Pelican keeps only the last -e given)
        cmd += ["-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())]
    cmd += list(extra_args)
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture
def make_site(tmp_path: Path):
    """Build a site from raw files: make_site({"a.txt": "..."}) -> (output dir, process)."""

    def build(raw_files: dict[str, str | bytes], settings: dict | None = None,
              manifest: str | None = None):
        content = tmp_path / "content"
        raw = content / "raw"
        raw.mkdir(parents=True, exist_ok=True)
        for name, data in raw_files.items():
            target = raw / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:
                target.write_text(data, encoding="utf-8")
        if manifest is not None:
            (raw / "manifest.csv").write_text(manifest, encoding="utf-8")
        output = tmp_path / "output"
        base = {"PATH": str(content), "OUTPUT_PATH": str(output), "SEARCH_ENABLED": False,
                "CACHE_PATH": str(tmp_path / "cache")}
        base.update(settings or {})
        proc = run_pelican(content, output, base)
        return output, proc

    return build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The bundled sample archive, built once per test session into a temporary folder."""
    work = tmp_path_factory.mktemp("sample")
    content = work / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("posts"))
    output = work / "output"
    proc = run_pelican(content, output, {"PATH": str(content), "OUTPUT_PATH": str(output),
                                         "CACHE_PATH": str(work / "cache")})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return output

"""Both ways of building work: bare `pelican content` (pelicanconf.py) and `-s pelican.conf.py`."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


def build(tmp_path, name, args):
    site = tmp_path / name
    shutil.copytree(ROOT, site, ignore=shutil.ignore_patterns(
        ".venv", "output", "cache", ".git", "posts", "*.md", "tests", "bench", "docs"))
    (site / "content" / "raw").mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([sys.executable, "-m", "pelican", *args], cwd=site,
                          capture_output=True, text=True, timeout=600,
                          )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site, proc


@pytest.mark.slow
def test_bare_pelican_and_explicit_settings_build_the_same_site(tmp_path):
    bare, proc_bare = build(tmp_path, "bare", ["content", "-e", "SEARCH_ENABLED=false"])
    expl, _ = build(tmp_path, "explicit",
                    ["content", "-s", "pelican.conf.py", "-e", "SEARCH_ENABLED=false"])
    files_bare = sorted(p.relative_to(bare / "output").as_posix()
                        for p in (bare / "output").rglob("*") if p.is_file())
    files_expl = sorted(p.relative_to(expl / "output").as_posix()
                        for p in (expl / "output").rglob("*") if p.is_file())
    assert files_bare == files_expl
    seed_pages = [f for f in files_bare if "tajikistan-reportedly-calls-on-allies" in f]
    assert seed_pages, "the seed article was not published"
    page = seed_pages[0]
    assert (bare / "output" / page).read_bytes() == (expl / "output" / page).read_bytes()
    # The plugin really loaded (a plugin that fails to load only logs an error).
    assert "news_archive ingest" in proc_bare.stdout + proc_bare.stderr or (
        bare / "output" / "ingest-report.json").is_file()
    assert "Cannot load plugin" not in proc_bare.stdout + proc_bare.stderr

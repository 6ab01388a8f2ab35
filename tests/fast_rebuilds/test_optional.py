"""news_archive builds the same site without the fast_rebuilds plugin (only slower): every
page the same, feeds with the same entries."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_pelican

pytestmark = pytest.mark.slow


def _build(work: Path, plugins: list[str]) -> Path:
    content = work / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("posts"))
    output = work / "output"
    proc = run_pelican(content, output, {
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(work / "cache"),
        "SEARCH_ENABLED": False, "PLUGINS": plugins,
        # One page per list: how lists are cut into pages is the one thing that differs
        # (fast_rebuilds numbers pages from the oldest article).
        "DEFAULT_PAGINATION": 1000})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "fast_rebuilds" not in proc.stderr or "fast_rebuilds" in plugins
    return output


def test_site_without_fast_rebuilds_is_the_same(tmp_path: Path) -> None:
    with_it = _build(tmp_path / "a", ["news_archive", "fast_rebuilds", "pelican.plugins.sitemap"])
    without = _build(tmp_path / "b", ["news_archive", "pelican.plugins.sitemap"])
    pages = sorted(p.relative_to(with_it) for p in with_it.rglob("*.html"))
    assert len(pages) > 20
    assert pages == sorted(p.relative_to(without) for p in without.rglob("*.html"))
    for rel in pages:
        assert (with_it / rel).read_bytes() == (without / rel).read_bytes(), rel
    import feedparser

    feeds = sorted(p.relative_to(with_it) for p in with_it.rglob("*.atom.xml"))
    assert feeds == sorted(p.relative_to(without) for p in without.rglob("*.atom.xml"))
    for rel in feeds:
        a, b = feedparser.parse(str(with_it / rel)), feedparser.parse(str(without / rel))
        assert [e.link for e in a.entries] == [e.link for e in b.entries], rel

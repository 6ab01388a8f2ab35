"""Atom feeds: the site-wide feed and the per-entity feeds are valid Atom (feedparser: no bozo,
entries with title, link and updated), with absolute links when SITEURL is set."""

from __future__ import annotations

from pathlib import Path

import pytest
from _synthetic import SMALL, build_fixture_site

feedparser = pytest.importorskip("feedparser", reason="feedparser not installed (.[test])")

SITEURL = "https://example.org/archive"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def local_site(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("feeds-local"), SEARCH_ENABLED=False)


@pytest.fixture(scope="module")
def deployed_site(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("feeds-deployed"), SEARCH_ENABLED=False,
                              SITEURL=SITEURL)


def _parse(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10", path
    for entry in feed.entries:
        assert entry.get("title"), path
        assert entry.get("link"), path
        assert entry.get("updated_parsed"), path
    return feed


def _entity_feeds(output: Path) -> list[Path]:
    feeds = [p for p in output.rglob("*.atom.xml") if p != output / "feeds" / "all.atom.xml"]
    if not feeds:
        pytest.skip("no per-entity Atom feeds in the build (taxonomy feeds not written yet)")
    return feeds


def test_site_feed_is_valid_atom(local_site: Path) -> None:
    feed = _parse(local_site / "feeds" / "all.atom.xml")
    titles = {e.title for e in feed.entries}
    assert {s["title"] for s in SMALL} <= titles
    # Markup in a scraped title is escaped text in the XML, never live elements.
    assert any(t.startswith('Q&A: "Peace"') for t in titles)
    raw = (local_site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw


def test_site_feed_links_are_absolute_with_siteurl(deployed_site: Path) -> None:
    feed = _parse(deployed_site / "feeds" / "all.atom.xml")
    assert len(feed.entries) == len(SMALL) + 1
    for entry in feed.entries:
        assert entry.link.startswith(SITEURL + "/"), entry.link
    assert any(e.link == f"{SITEURL}/tajik-appeal.html" or "tajik-appeal" in e.link
               for e in feed.entries)
    assert feed.feed.link.startswith(SITEURL)


def test_entity_feeds_are_valid_atom(local_site: Path) -> None:
    for path in _entity_feeds(local_site):
        _parse(path)


def test_entity_feeds_absolute_with_siteurl(deployed_site: Path) -> None:
    feeds = _entity_feeds(deployed_site)
    for path in feeds:
        feed = _parse(path)
        assert feed.entries, path
        for entry in feed.entries:
            assert entry.link.startswith(SITEURL + "/"), (path, entry.link)
    by_name = {p.relative_to(deployed_site).as_posix(): p for p in feeds}
    afghan = [p for name, p in by_name.items() if "/af/" in name or "afghanistan" in name]
    if afghan:  # two articles mention Afghanistan
        assert len(_parse(afghan[0]).entries) == 2


def test_every_feed_has_its_own_id(deployed_site):
    """Atom ids identify a feed: the site feed and each entity feed differ."""
    ids = {str(p.relative_to(deployed_site)): feedparser.parse(p.read_bytes()).feed.get("id")
           for p in deployed_site.rglob("*.atom.xml")}
    assert len(ids) > 2
    assert len(set(ids.values())) == len(ids), ids
    assert ids["feeds/all.atom.xml"] == SITEURL + "/feeds/all.atom.xml"

"""Sitemap (pelican-sitemap) and robots.txt: every article and entity page is listed, with
absolute addresses when SITEURL is set, and robots.txt points to the sitemap."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from _synthetic import SMALL, build_fixture_site

SITEURL = "https://example.org/archive"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
pytestmark = pytest.mark.slow


def _locs(site: Path) -> list[str]:
    path = site / "sitemap.xml"
    assert path.is_file(), "pelican.plugins.sitemap did not run (is it in PLUGINS?)"
    root = ET.parse(path).getroot()
    return [el.text for el in root.findall("sm:url/sm:loc", NS)]


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("sitemap"), SITEURL=SITEURL)


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("sitemap-local"), nasty=False,
                              SEARCH_ENABLED=False)


def test_sitemap_lists_articles_with_absolute_urls(deployed: Path) -> None:
    locs = _locs(deployed)
    assert all(loc.startswith(SITEURL + "/") for loc in locs), locs[:5]
    for spec in SMALL:
        assert f"{SITEURL}/{spec['slug']}.html" in locs
    assert len(locs) == len(set(locs))
    assert (deployed / "search.html").is_file()
    assert f"{SITEURL}/search.html" not in locs  # noindex page


def test_sitemap_lists_entity_pages(deployed: Path) -> None:
    locs = _locs(deployed)
    if not (deployed / "country" / "af").is_dir():
        pytest.skip("no entity pages in this build (taxonomy pages not built)")
    assert any(loc.startswith(f"{SITEURL}/country/af/") for loc in locs)
    assert not any("/pagefind/" in loc for loc in locs)


def test_robots_txt_absolute_sitemap(deployed: Path) -> None:
    lines = (deployed / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITEURL}/sitemap.xml" in lines
    assert "Disallow: /archive/pagefind/" in lines


def test_robots_txt_without_siteurl(local: Path) -> None:
    lines = (local / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "Sitemap: /sitemap.xml" in lines
    assert (local / "sitemap.xml").is_file()
    assert len(_locs(local)) >= len(SMALL)

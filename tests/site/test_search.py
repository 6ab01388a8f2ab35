"""Full-text search: Pagefind index of article bodies only, facets, and the search page in a
real (headless) browser."""

from __future__ import annotations

import gzip
import json
import logging
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from _synthetic import SMALL, build_site, write_small
from browsing import chromium, logged_page, require_browser, serve, wait_or_explain
from news_archive.site import search

ARTICLE_PAGES = {spec["slug"] for spec in SMALL}


def _html_pages(output: Path) -> list[Path]:
    return [p for p in output.rglob("*.html") if "pagefind" not in p.parts]


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    """The small hand-made archive built with the plugin's defaults (search on)."""
    work = tmp_path_factory.mktemp("search")
    content, output = work / "content", work / "site"
    write_small(content / "posts")
    proc = build_site(content, output)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return output


@pytest.mark.slow
def test_search_on_by_default_builds_index_and_page(search_site: Path) -> None:
    assert (search_site / "pagefind" / "pagefind-ui.js").is_file()
    assert (search_site / "pagefind" / "pagefind-ui.css").is_file()
    page = (search_site / "search.html").read_text(encoding="utf-8")
    # Relative bundle URLs: the site works under a sub-path and from `make serve`.
    assert 'src="./pagefind/pagefind-ui.js"' in page
    assert 'src="/pagefind' not in page
    assert "new PagefindUI" in page


@pytest.mark.slow
def test_only_article_pages_are_indexed(search_site: Path) -> None:
    counts = []
    for shard in (search_site / "pagefind" / "shards").iterdir():
        entry = json.loads((shard / "pagefind-entry.json").read_text())
        counts += [lang["page_count"] for lang in entry["languages"].values()]
    # One index (forced language) holding exactly the articles: no list or entity pages.
    assert counts == [len(SMALL)]
    marked = {p.stem for p in _html_pages(search_site)
              if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert marked == ARTICLE_PAGES


def _fragments(output: Path) -> dict[str, dict]:
    """What Pagefind stored per page (gzip'd JSON after a `pagefind_dcd` signature)."""
    out = {}
    for f in output.glob("pagefind/shards/*/fragment/*"):
        data = gzip.decompress(f.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        out[record["url"].rsplit("/", 1)[-1].removesuffix(".html")] = record
    return out


@pytest.mark.slow
def test_index_holds_headline_and_body_only(search_site: Path) -> None:
    frags = _fragments(search_site)
    assert set(frags) == ARTICLE_PAGES
    for spec in SMALL:
        content = frags[spec["slug"]]["content"]
        assert content.startswith(spec["title"])
        assert spec["body"].split("\n\n")[0] in content
        for boilerplate in ("Provenance", "In this article", "Skip to main", "Archives",
                            "More on"):
            assert boilerplate.lower() not in content.lower(), (spec["slug"], boilerplate)
    assert "Drought" not in frags["tajik-appeal"]["content"]  # a related-coverage link there
    assert frags["tajik-appeal"]["filters"]["country"] == ["Tajikistan", "Afghanistan", "Russia"]


@pytest.mark.slow
def test_article_pages_carry_facets(search_site: Path) -> None:
    html = (search_site / "tajik-appeal.html").read_text(encoding="utf-8")
    filters = re.findall(r'data-pagefind-filter="(\w+)\[content\]" content="([^"]*)"', html)
    assert ("country", "Tajikistan") in filters and ("country", "Russia") in filters
    assert ("organization", "Collective Security Treaty Organization") in filters
    assert ("person", "Sergei Lavrov") in filters
    assert ("source", "RFE/RL") in filters and ("language", "en") in filters
    assert ("year", "2021") in filters
    metas = dict(re.findall(r'data-pagefind-meta="(\w+)\[content\]" content="([^"]*)"', html))
    assert metas["title"] == "Tajikistan Calls On Allies For Help"
    assert metas["source"] == "RFE/RL" and "2021" in metas["date"]


@pytest.mark.slow
def test_search_disabled_writes_no_index(tmp_path: Path) -> None:
    write_small(tmp_path / "content" / "posts")
    output = tmp_path / "output"
    proc = build_site(tmp_path / "content", output, SEARCH_ENABLED=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (output / "tajik-appeal.html").is_file()
    assert not (output / "pagefind").exists()
    assert not (output / "search.html").exists()


def test_missing_pagefind_is_a_warning_not_a_crash(tmp_path, monkeypatch, caplog) -> None:
    monkeypatch.setattr(search.pagefind_service, "executable", lambda: None)
    pelican = SimpleNamespace(settings={"SEARCH_ENABLED": True, "OUTPUT_PATH": str(tmp_path)})
    with caplog.at_level(logging.WARNING, logger="news_archive.site.search"):
        search.run_pagefind(pelican)
    assert "Pagefind not found" in caplog.text
    assert not (tmp_path / "pagefind").exists()


def test_failing_pagefind_is_a_warning(tmp_path, monkeypatch, caplog) -> None:
    monkeypatch.setattr(search.pagefind_service, "executable", lambda: Path("/bin/false"))
    pelican = SimpleNamespace(settings={"SEARCH_ENABLED": True, "OUTPUT_PATH": str(tmp_path)})
    with caplog.at_level(logging.WARNING, logger="news_archive.site.search"):
        search.run_pagefind(pelican)
    assert "Pagefind failed" in caplog.text


def test_mark_body_adds_attribute_once(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<html><body><nav>x</nav><article class='post'><h1>T</h1></article></body>")
    ctx = {"article": object(), "SEARCH_ENABLED": True}
    search.mark_body(str(page), ctx)
    search.mark_body(str(page), ctx)
    html = page.read_text()
    assert html.count("data-pagefind-body") == 1
    assert "<article data-pagefind-body class='post'>" in html
    listing = tmp_path / "index.html"
    listing.write_text("<html><body><article>x</article></body></html>")
    search.mark_body(str(listing), {"articles": [], "SEARCH_ENABLED": True})
    assert "data-pagefind-body" not in listing.read_text()


# --- in a browser -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory) -> Path:
    """The same archive with one search shard per year (the search page merges them)."""
    work = tmp_path_factory.mktemp("search-sharded")
    content, output = work / "content", work / "site"
    write_small(content / "posts")
    proc = build_site(content, output, SEARCH_SHARD_SIZE=1, CACHE_PATH=str(work / "cache"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    shards = sorted(p.name for p in (output / "pagefind" / "shards").iterdir())
    assert shards == ["2021", "2022", "2023"]
    return output


@pytest.fixture(scope="module", params=["one index", "shards merged"])
def browser_page(request, tmp_path_factory):
    """A Chromium page and the URL of search.html, the site served under a sub-path; once
    with the whole archive in one index, once in one shard per year."""
    search_site = request.getfixturevalue(
        "search_site" if request.param == "one index" else "sharded_site")
    require_browser()
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(search_site, root / "archive")
    with serve(root) as base, chromium() as browser:
        yield logged_page(browser), base + "archive/search.html"


def _open(page, url: str) -> None:
    """Open the search page and wait for its search box (a slow start on a busy machine fails
    with what the browser reported, not a bare timeout)."""
    page.goto(url)
    wait_or_explain(page, ".pagefind-ui__search-input", timeout=60000)


def _results(page, expected: int) -> list[tuple[str, str]]:
    page.wait_for_function(
        "n => document.querySelectorAll('.pagefind-ui__result-link').length === n",
        arg=expected, timeout=15000)
    return [(a.inner_text(), a.get_attribute("href"))
            for a in page.query_selector_all(".pagefind-ui__result-link")]


@pytest.mark.slow
@pytest.mark.browser
def test_browser_query_finds_article(browser_page) -> None:
    page, url = browser_page
    _open(page, url)
    page.fill(".pagefind-ui__search-input", "zeppelin")
    (title, href), = _results(page, 1)
    assert title == "Grain Corridor Talks Resume"
    assert href == "/archive/kyiv-grain.html"  # works under a sub-path
    tags = page.inner_text(".pagefind-ui__result-tags")
    assert "Reuters" in tags and "2022" in tags
    assert "zeppelin" in page.inner_text(".pagefind-ui__result-excerpt").lower()


@pytest.mark.slow
@pytest.mark.browser
def test_browser_related_links_do_not_match(browser_page) -> None:
    # "Drought Hits Afghan Farmers" is also linked from the Tajik article ("More on Afghanistan").
    page, url = browser_page
    _open(page, url)
    page.fill(".pagefind-ui__search-input", "drought")
    assert [t for t, _ in _results(page, 1)] == ["Drought Hits Afghan Farmers"]


@pytest.mark.slow
@pytest.mark.browser
def test_browser_country_filter(browser_page) -> None:
    page, url = browser_page
    _open(page, url)
    page.fill(".pagefind-ui__search-input", "marmalade")
    assert {t for t, _ in _results(page, 2)} == {"Tajikistan Calls On Allies For Help",
                                                  "Drought Hits Afghan Farmers"}
    page.click("summary.pagefind-ui__filter-name:has-text('Country')")
    page.check("input.pagefind-ui__filter-checkbox[name='country'][value='Tajikistan']")
    assert [t for t, _ in _results(page, 1)] == ["Tajikistan Calls On Allies For Help"]


@pytest.mark.slow
@pytest.mark.browser
def test_browser_query_from_url(browser_page) -> None:
    page, url = browser_page
    _open(page, url + "?q=harvest")
    assert [t for t, _ in _results(page, 1)] == ["Drought Hits Afghan Farmers"]

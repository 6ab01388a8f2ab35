"""Issue 19 in headless Chromium, on the bundled sample archive: search opened from disk
explains itself, a search index that cannot load says so, "Lodz" finds "Łódź" and bylines are
searchable, the placeholder is legible, and on a phone results come before the filters.

Skips when /usr/bin/chromium, Playwright or Pagefind is missing.
"""

from __future__ import annotations

import json

import pytest
from browsing import build_sample, chromium, logged_page, require_browser, serve, wait_or_explain

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_browser()
    out = build_sample(tmp_path_factory.mktemp("first-use-browser"))
    if not (out / "pagefind" / "shards.js").is_file():
        pytest.skip("Pagefind is not installed: no search index was built")
    entries = [json.loads(p.read_text()) for p in out.glob("pagefind/shards/*/pagefind-entry.json")]
    indexed = sum(lang["page_count"] for e in entries for lang in e["languages"].values())
    assert indexed >= 40, f"the sample's search index holds {indexed} pages: {entries}"
    with serve(out) as base:
        yield base, out


@pytest.fixture(scope="module")
def browser(served):
    with chromium() as b:
        yield b


def _titles(page, query: str, base: str) -> list[str]:
    page.goto(f"{base}search.html?q={query}")
    wait_or_explain(page, ".pagefind-ui__result-title, .pagefind-ui__message >> text=/result/",
                    timeout=60000)  # generous: CI hosts are shared
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(".pagefind-ui__result-title",
                                     "els => els.map(e => e.textContent)")


def test_search_from_disk_says_it_needs_a_web_server(served, browser):
    _, out = served
    page = browser.new_page()
    page.goto((out / "search.html").as_uri())
    notice = page.locator(".search-file")
    notice.wait_for(state="visible", timeout=5000)
    assert "make serve" in notice.inner_text()
    assert not page.locator("#search").is_visible()
    assert "Searching" not in page.inner_text("main")
    page.close()


def test_an_index_that_cannot_load_says_so(served, browser):
    base, _ = served
    page = browser.new_page()
    page.route("**/pagefind/shards/*/pagefind.js", lambda route: route.abort())
    page.goto(base + "search.html?q=Kazakhstan")
    page.locator(".search-missing").wait_for(state="visible", timeout=10000)
    page.close()


def test_lodz_finds_lodz_with_diacritics_and_bylines_are_searchable(served, browser):
    base, _ = served
    page = logged_page(browser)
    assert any("Łódź" in t for t in _titles(page, "Lodz", base))
    assert any("Dock Workers Strike" in t for t in _titles(page, "Nurlanova", base))
    page.close()


def _luminance(rgb: str) -> float:
    parts = [float(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    lin = [(c / 255 / 12.92) if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4
           for c in parts]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_search_placeholder_is_legible(served, browser):
    base, _ = served
    page = logged_page(browser)
    page.goto(base + "search.html")
    wait_or_explain(page, ".pagefind-ui__search-input", timeout=60000)
    style = page.evaluate("""() => {
        const s = getComputedStyle(document.querySelector('.pagefind-ui__search-input'),
                                   '::placeholder');
        return {color: s.color, opacity: s.opacity};
    }""")
    assert float(style["opacity"]) == 1.0
    ratio = (1.0 + 0.05) / (_luminance(style["color"]) + 0.05)  # on a white field
    assert ratio >= 4.5, style
    page.close()


def test_on_a_phone_results_come_before_the_filters(served, browser):
    base, _ = served
    page = logged_page(browser, viewport={"width": 360, "height": 740})
    _titles(page, "Kazakhstan", base)
    first = page.locator(".pagefind-ui__result").first.bounding_box()
    filters = page.locator(".pagefind-ui__filter-panel").bounding_box()
    assert first is not None and first["y"] < 740  # a result on the first screen
    assert filters is None or filters["y"] > first["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()


def test_timeline_years_and_month_cells_on_a_phone(served, browser):
    base, out = served
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(base + "country/kz/index.html")
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.tl-year')).fontSize)")
    assert size >= 12
    page.goto(base + "archives.html")
    full, empty = page.evaluate("""() => [
        getComputedStyle(document.querySelector('.month-grid li:not(.empty) > a')).backgroundColor,
        getComputedStyle(document.querySelector('.month-grid li.empty > *')).backgroundColor]""")
    assert full != empty
    page.close()

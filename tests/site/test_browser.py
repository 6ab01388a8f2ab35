"""The sample site in headless Chromium: internal links resolve, axe finds nothing serious.

Skips when /usr/bin/chromium or Playwright is missing.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from browsing import build_sample, chromium, require_browser, serve

EXTRA_POST = """Title: Second sample article {n}
Date: 2021-07-{day:02d} 09:00
Slug: extra-{n}
Summary: A short standfirst for article {n}.
Source: Example Wire
Credits: With reporting by Reuters
Countries: TJ;RU
Organizations: Collective Security Treaty Organization
Organization-Aliases: CSTO=Collective Security Treaty Organization
Persons: Sergei Lavrov

Body of article {n}.
"""

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample content (plus two hand-written posts) built and served on localhost."""
    require_browser()
    out = build_sample(tmp_path_factory.mktemp("browser"),
                       {f"extra-{n}.md": EXTRA_POST.format(n=n, day=n + 1) for n in (1, 2)})
    with serve(out) as base:
        yield base, out


@pytest.fixture(scope="module")
def browser(served):
    with chromium() as b:
        yield b


def pages(out: Path) -> dict[str, str]:
    """The five pages under test, as paths relative to the site root."""
    article = next(p.name for p in sorted(out.glob("*.html"))
                   if p.name not in ("index.html", "archives.html", "search.html")
                   and not p.name.startswith("index"))
    country = sorted((out / "country").iterdir())[0].name
    month = sorted(out.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.html"))[0]
    return {"home": "index.html", "article": article, "countries": "countries/index.html",
            "country": f"country/{country}/index.html",
            "month": month.relative_to(out).as_posix()}


@pytest.mark.parametrize("name", ["home", "article", "countries", "country", "month"])
def test_links_resolve_and_axe_is_clean(served, browser, name):
    from axe_playwright_python.sync_playwright import Axe

    base, out = served
    url = base + pages(out)[name]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    response = page.goto(url)
    assert response is not None and response.status == 200
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    internal = {urljoin(url, h).split("#")[0] for h in hrefs
                if urlsplit(urljoin(url, h)).netloc == urlsplit(base).netloc}
    assert internal
    for link in sorted(internal):
        with urlopen(link) as r:
            assert r.status == 200, link
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert bad == [], json.dumps([(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
                                  for v in bad], indent=1)
    page.close()


def _local_links(page) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    return sorted({h.split("#")[0] for h in hrefs})


def test_site_works_opened_from_disk(served, browser):
    """file:// — no server: links point at files that exist and the stylesheet loads."""
    _, out = served
    for rel in pages(out).values():
        page = browser.new_page()
        page.goto((out / rel).as_uri())
        assert page.evaluate("document.styleSheets.length") >= 1
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
        for link in _local_links(page):
            if link.startswith("file://"):
                target = Path(urlsplit(link).path)
                assert target.exists(), f"{rel}: {link}"
            else:
                assert link.startswith(("http://", "https://", "mailto:")), link
        page.close()


def test_site_works_under_a_sub_path(served, browser, tmp_path):
    """Deployed at https://host/archive/: every internal link stays under /archive/."""
    _, out = served
    root = tmp_path / "www"
    root.mkdir()
    (root / "archive").symlink_to(out, target_is_directory=True)
    handler = type("Quiet", (http.server.SimpleHTTPRequestHandler,),
                   {"log_message": lambda *a: None})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/archive/"
    try:
        for rel in pages(out).values():
            page = browser.new_page()
            assert page.goto(base + rel).status == 200
            for link in _local_links(page):
                if urlsplit(link).netloc == urlsplit(base).netloc:
                    assert link.startswith(base), f"{rel}: {link} leaves the sub-path"
                    with urlopen(link) as r:
                        assert r.status == 200, link
            page.close()
    finally:
        server.shutdown()


@pytest.mark.parametrize("name", ["home", "article", "countries", "country", "month"])
def test_readable_on_a_phone(served, browser, name):
    """At 360 px nothing overflows sideways and body text stays at a readable size."""
    base, out = served
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(base + pages(out)[name])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main')).fontSize)")
    assert size >= 15
    page.close()

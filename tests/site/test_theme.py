"""The theme on the bundled sample site: article page content and links."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest


class Page(HTMLParser):
    """Text per element class, and every link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text: dict[str, list[str]] = {}
        self.links: list[tuple[str, str]] = []  # (href, class)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "a" and a.get("href"):
            self.links.append((a["href"], cls))
        if tag not in ("br", "img", "meta", "link", "hr", "input"):
            self.stack.append((tag, cls))
            for key in (tag, *cls.split()):
                self.text.setdefault(key, []).append("")

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        for tag, cls in self.stack:
            for key in (tag, *cls.split()):
                self.text[key][-1] += data


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def articles(site: Path) -> list[Path]:
    return [p for p in site.glob("*.html")
            if p.name not in ("index.html", "archives.html", "search.html")
            and not p.name.startswith("index")]


def resolve(site: Path, page: Path, href: str) -> Path:
    rel = page.relative_to(site).as_posix()
    target = urlsplit(urljoin("http://x/" + rel, href)).path.lstrip("/")
    path = site / target
    return path / "index.html" if (path.is_dir() or target.endswith("/")) else path


def test_article_page(sample_site):
    # The seed article: it has a standfirst, a source and a credit line.
    pages = [p for p in articles(sample_site) if p.name.startswith("tajikistan-reportedly")]
    assert pages, "the seed article was not built"
    page = pages[0]
    doc = parse(page)
    html = page.read_text(encoding="utf-8")
    title = " ".join(doc.text["h1"][0].split())
    assert len(doc.text["h1"]) == 1 and title
    assert " ".join(doc.text["main"][0].split()).count(title) == 1  # headline shown once
    standfirst = doc.text.get("standfirst", [])
    assert len(standfirst) == 1 and standfirst[0].strip()
    body = " ".join("".join(doc.text["article-body"]).split())
    assert standfirst[0].strip()[:80] not in body  # not repeated in the body
    assert doc.text["source"][0].strip()
    assert doc.text.get("credits", [""])[0].strip()
    chips = [href for href, cls in doc.links if "chip" in cls.split()]
    assert chips, "entity chips are links"
    for href in chips:
        assert resolve(sample_site, page, href).is_file(), href
    assert "Source and provenance" in html


def test_internal_links_of_article_resolve(sample_site):
    pages = articles(sample_site)
    if not pages:
        pytest.skip("the sample site has no articles (raw ingest produced none)")
    doc = parse(pages[0])
    internal = [h for h, _ in doc.links if not urlsplit(h).scheme and not h.startswith("#")]
    assert internal
    missing = [h for h in internal if not resolve(sample_site, pages[0], h).exists()]
    assert missing == []


def test_base_layout(sample_site):
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    for needle in ('class="skip-link" href="#main"', "<header", "<nav", '<main id="main"',
                   "<footer", 'name="viewport"', "theme/css/style.css"):
        assert needle in html
    assert "https://fonts." not in html and "cdn" not in html.lower()

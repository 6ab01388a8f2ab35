"""JSON-LD and Open Graph: NewsArticle on article pages, CollectionPage + Place/Organization/Person
on entity pages; every ld+json script parses, even with hostile scraped strings."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from _synthetic import NASTY, SMALL, build_fixture_site

SITEURL = "https://example.org/archive"
pytestmark = pytest.mark.slow


class _Head(HTMLParser):
    """Collects ld+json script bodies and <meta property|name content> pairs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.jsonld: list[str] = []
        self.meta: list[tuple[str, str]] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.jsonld.append("")
        elif tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.append((a.get("property") or a.get("name"), a.get("content") or ""))

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data) -> None:
        if self._in_ld:
            self.jsonld[-1] += data


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _ld(path: Path) -> list[dict]:
    return [json.loads(text) for text in _head(path).jsonld]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("ld"), SEARCH_ENABLED=False,
                              SITEURL=SITEURL)


def test_every_jsonld_script_parses(site: Path) -> None:
    pages = [p for p in site.rglob("*.html")]
    found = 0
    for page in pages:
        for data in _ld(page):  # json.loads raises on a broken script
            found += 1
            assert data["@context"] == "https://schema.org", page
            assert data["@type"], page
    assert found >= len(SMALL) + 1


@pytest.mark.parametrize("spec", [*SMALL, NASTY], ids=lambda s: s["slug"])
def test_article_pages_carry_news_article(site: Path, spec: dict) -> None:
    page = site / f"{spec['slug']}.html"
    (ld,) = [d for d in _ld(page) if d["@type"] == "NewsArticle"]
    assert ld["headline"] == spec["title"]
    assert ld["datePublished"].startswith(spec["date"])
    assert ld["publisher"] == {"@type": "Organization", "name": spec["source"]}
    assert ld["isBasedOn"] == spec["url"]
    assert ld["url"] == f"{SITEURL}/{spec['slug']}.html"
    about = ld.get("about", [])
    assert [n["@type"] for n in about] == ["Place"] * len(spec["countries"])
    assert [n["identifier"] for n in about] == spec["countries"]
    assert all(n["url"].startswith(SITEURL + "/country/") for n in about)
    mentions = ld.get("mentions", [])
    assert [(n["@type"], n["name"]) for n in mentions] == (
        [("Organization", o) for o in spec["orgs"]] + [("Person", p) for p in spec["persons"]])


def test_hostile_strings_stay_inside_the_script(site: Path) -> None:
    html = (site / f"{NASTY['slug']}.html").read_text(encoding="utf-8")
    head = _head(site / f"{NASTY['slug']}.html")
    assert all("<" not in text for text in head.jsonld)  # |tojson escapes <, >, &, '
    assert "<script>alert(1)</script>" not in html
    meta = dict(head.meta)
    assert meta["og:title"] == NASTY["title"]  # attribute escaping round-trips exactly


def test_article_open_graph(site: Path) -> None:
    meta = _head(site / "tajik-appeal.html").meta
    d = dict(meta)
    assert d["og:type"] == "article"
    assert d["og:title"] == "Tajikistan Calls On Allies For Help"
    assert d["og:url"] == f"{SITEURL}/tajik-appeal.html"
    assert d["og:site_name"] and d["og:description"]
    assert d["article:published_time"].startswith("2021-07-07")
    assert ("article:tag", "Collective Security Treaty Organization") in meta


@pytest.mark.parametrize("path, kind, name, count", [
    ("country/af/index.html", "Place", "Afghanistan", 2),
    ("organization/united-nations/index.html", "Organization", "United Nations", 1),
    ("person/sergei-lavrov/index.html", "Person", "Sergei Lavrov", 1),
])
def test_entity_pages_carry_collection_page(site: Path, path, kind, name, count) -> None:
    page = site / path
    if not page.is_file():
        pytest.skip(f"no entity page {path} (taxonomy pages not built)")
    (ld,) = [d for d in _ld(page) if d["@type"] == "CollectionPage"]
    assert ld["about"]["@type"] == kind and ld["about"]["name"] == name
    assert ld["url"].startswith(SITEURL + "/")
    assert ld["mainEntity"]["numberOfItems"] == count
    items = ld["mainEntity"]["itemListElement"]
    assert len(items) == count and all(i["url"].startswith(SITEURL + "/") for i in items)
    if kind == "Place":
        assert ld["about"]["identifier"] == "AF"
    assert dict(_head(page).meta)["og:title"] == name


def test_no_absolute_og_url_without_siteurl(tmp_path: Path) -> None:
    site = build_fixture_site(tmp_path, nasty=False, SEARCH_ENABLED=False)
    meta = dict(_head(site / "tajik-appeal.html").meta)
    assert "og:url" not in meta  # Open Graph wants absolute URLs; none without SITEURL
    (ld,) = _ld(site / "tajik-appeal.html")
    assert ld["url"] == "./tajik-appeal.html"  # relative to the page, like its links
    entity = site / "country" / "af" / "index.html"
    if entity.is_file():
        (ld,) = _ld(entity)
        assert ld["about"]["url"] == "../../country/af/index.html"

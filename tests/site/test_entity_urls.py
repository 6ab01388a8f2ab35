"""Every entity URL the site prints (pages, JSON-LD, exports) is the URL of a page it built,
also for names whose slugs collide ("José Martí" and "Jose Marti" share `jose-marti`)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.slow

POST = """Title: {title}
Date: {date}
Slug: {slug}
Persons: {person}
Organizations: {org}
Countries: CU

{title}. A sample post written for the News Archive tests; not a real news report.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from conftest import run_pelican

    work = tmp_path_factory.mktemp("collide")
    posts = work / "content" / "posts"
    posts.mkdir(parents=True)
    for i, (person, org) in enumerate([("José Martí", "Café Workers Union"),
                                       ("Jose Marti", "Cafe Workers Union")]):
        (posts / f"p{i}.md").write_text(POST.format(
            title=f"Sample story {i}", date=f"2021-03-0{i + 1}", slug=f"sample-{i}",
            person=person, org=org), encoding="utf-8")
    output = work / "output"
    proc = run_pelican(work / "content", output, {
        "PATH": str(work / "content"), "OUTPUT_PATH": str(output), "SEARCH_ENABLED": False,
        "CACHE_PATH": str(work / "cache"), "NEWS_ARCHIVE_INGEST": False})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return output


def _exists(output: Path, page: Path, url: str) -> bool:
    target = urljoin(page.relative_to(output).as_posix(), url)
    path = output / target
    return (path / "index.html").is_file() if target.endswith("/") else path.is_file()


def test_colliding_names_get_their_own_pages(site: Path) -> None:
    assert (site / "person" / "jose-marti" / "index.html").is_file()
    assert (site / "person" / "jose-marti-2" / "index.html").is_file()
    assert (site / "organization" / "cafe-workers-union-2" / "index.html").is_file()


def test_jsonld_entity_urls_are_built_pages(site: Path) -> None:
    for page in (site / "sample-0.html", site / "sample-1.html"):
        html = page.read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        nodes = [n for b in blocks for n in json.loads(b).get("mentions", [])]
        assert {n["@type"] for n in nodes} == {"Person", "Organization"}
        for node in nodes:
            assert _exists(site, page, node["url"]), (page.name, node)
    # Names sharing a slug are ordered by name: "Jose Marti" keeps it, "José Martí" gets -2.
    accented = (site / "sample-0.html").read_text(encoding="utf-8")
    assert "person/jose-marti-2/" in accented and "organization/cafe-workers-union-2/" in accented


def test_entities_without_pages_get_no_guessed_url() -> None:
    """Without the entity generator (no pages) an article's entities carry no URL, instead of
    a URL slugged apart from the taxonomy that may name another entity's page."""
    from types import SimpleNamespace

    from news_archive.site.linked_data import article_entities

    article = SimpleNamespace(metadata={"persons": "José Martí", "countries": "CU"}, settings={})
    found = article_entities(article)
    assert [e.name for e in found["person"]] == ["José Martí"]
    assert [e.name for e in found["country"]] == ["Cuba"]
    assert all(e.url == "" for kind in found.values() for e in kind)


def test_exported_entity_urls_are_built_pages(site: Path) -> None:
    entities = json.loads((site / "data" / "entities.json").read_text(encoding="utf-8"))
    rows = entities if isinstance(entities, list) else [
        e for group in entities.values() for e in (group if isinstance(group, list) else [])]
    urls = [e["url"] for e in rows if isinstance(e, dict) and e.get("url")]
    assert len(urls) >= 5
    for url in urls:
        assert _exists(site, site / "index.html", url), url

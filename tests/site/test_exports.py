"""Data exports: articles.json, entities.json and the co-mention edge list (co-mentions.csv)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import datetime, timezone
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace

import pytest
from _synthetic import NASTY, SMALL, build_fixture_site
from news_archive.site.exports import build_exports, robots_txt

SITEURL = "https://example.org/archive"


def _article(i: int, countries="", orgs="", persons="", aliases="") -> SimpleNamespace:
    meta = {"countries": countries, "organizations": orgs, "persons": persons,
            "organization-aliases": aliases, "source": "Src", "language": "en",
            "original-url": f"https://example.com/{i}"}
    return SimpleNamespace(slug=f"a{i}", url=f"a{i}.html", title=f"Article {i}",
                           date=datetime(2020, 1, 1 + i % 28, tzinfo=timezone.utc),
                           metadata=meta)


def test_records_and_entities_from_headers() -> None:
    arts = [_article(0, "AF;RU", "Collective Security Treaty Organization",
                     "Sergei Lavrov", "CSTO=Collective Security Treaty Organization"),
            _article(1, "AF", "", "Sergei Lavrov")]
    records, entities, rows = build_exports(arts, {"SITEURL": SITEURL})
    assert records[0] == {
        "slug": "a0", "url": "a0.html", "title": "Article 0",
        "date": "2020-01-01T00:00:00+00:00", "source": "Src", "countries": ["AF", "RU"],
        "organizations": ["Collective Security Treaty Organization"],
        "persons": ["Sergei Lavrov"], "language": "en", "original_url": "https://example.com/0",
        "permalink": f"{SITEURL}/a0.html"}
    by_id = {e["id"]: e for e in entities}
    assert by_id["country:AF"]["article_count"] == 2
    assert by_id["country:AF"]["name"] == "Afghanistan"
    assert by_id["country:AF"]["url"] == ""  # no entity pages without the taxonomy
    assert by_id["organization:Collective Security Treaty Organization"]["aliases"] == ["CSTO"]
    assert ("Afghanistan", "Sergei Lavrov", "country", "person", 2) in rows
    assert ("Afghanistan", "Russia", "country", "country", 1) in rows


def test_co_mentions_match_brute_force() -> None:
    import random

    rnd = random.Random(3)
    codes, people = ["AF", "RU", "TJ", "UA", "FR"], ["P1", "P2", "P3", "P4"]
    arts = [_article(i, ";".join(rnd.sample(codes, rnd.randint(0, 3))), "",
                     ";".join(rnd.sample(people, rnd.randint(0, 2)))) for i in range(200)]
    _, entities, rows = build_exports(arts, {})
    got = {frozenset((a, b)): n for a, b, _, _, n in rows}
    expected: Counter = Counter()
    for a in arts:
        names = [e["name"] for e in entities
                 if (e["type"] == "country" and e["key"] in a.metadata["countries"].split(";"))
                 or (e["type"] == "person" and e["name"] in a.metadata["persons"].split(";"))]
        expected.update(frozenset(p) for p in combinations(names, 2))
    assert got == dict(expected)
    assert [n for *_, n in rows] == sorted((n for *_, n in rows), reverse=True)


def test_robots_txt_points_to_sitemap() -> None:
    text = robots_txt({"SITEURL": SITEURL, "SITEMAP": {"format": "xml"}})
    assert f"Sitemap: {SITEURL}/sitemap.xml" in text.splitlines()
    assert "Disallow: /archive/pagefind/" in text
    assert "Sitemap: /sitemap.xml" in robots_txt({"SITEURL": ""}).splitlines()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("exports"), SEARCH_ENABLED=False,
                              SITEURL=SITEURL)


@pytest.mark.slow
def test_articles_json(site: Path) -> None:
    records = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    assert len(records) == len(SMALL) + 1
    by_slug = {r["slug"]: r for r in records}
    for spec in [*SMALL, NASTY]:
        r = by_slug[spec["slug"]]
        assert r["title"] == spec["title"]
        assert r["date"].startswith(spec["date"])
        assert r["source"] == spec["source"] and r["original_url"] == spec["url"]
        assert r["countries"] == spec["countries"]
        assert r["organizations"] == spec["orgs"] and r["persons"] == spec["persons"]
        assert r["language"] == spec.get("language", "en")
        assert (site / r["url"]).is_file() or (site / r["url"] / "index.html").is_file()
        assert r["permalink"] == f"{SITEURL}/{r['url']}"


@pytest.mark.slow
def test_entities_json(site: Path) -> None:
    entities = json.loads((site / "data" / "entities.json").read_text(encoding="utf-8"))
    by_id = {e["id"]: e for e in entities}
    assert set(e["type"] for e in entities) == {"country", "organization", "person"}
    af = by_id["country:AF"]
    assert (af["name"], af["article_count"]) == ("Afghanistan", 2)
    assert "AFG" in af["aliases"]  # ISO alpha-3 and official names
    csto = by_id["organization:Collective Security Treaty Organization"]
    assert csto["aliases"] == ["CSTO"] and csto["article_count"] == 1
    assert by_id["person:Zoë O'Neil"]["article_count"] == 1
    counts = Counter(c for spec in [*SMALL, NASTY] for c in spec["countries"])
    assert {e["key"]: e["article_count"] for e in entities if e["type"] == "country"} == counts
    for e in entities:  # every entity page exists where the export says
        page = site / e["url"]
        assert page.is_file() or (page / "index.html").is_file(), e
        assert e["permalink"] == f"{SITEURL}/{e['url']}"


@pytest.mark.slow
def test_co_mentions_csv(site: Path) -> None:
    with open(site / "data" / "co-mentions.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["entity_a", "entity_b", "type_a", "type_b", "shared_articles"]
    pairs = {frozenset((a, b)): (int(n), {ta, tb}) for a, b, ta, tb, n in rows[1:]}
    assert pairs[frozenset(("Afghanistan", "Tajikistan"))] == (1, {"country"})
    assert pairs[frozenset(("Smith & Wesson <Holdings>", "Zoë O'Neil"))] == (
        1, {"organization", "person"})
    assert frozenset(("Afghanistan", "Turkey")) not in pairs

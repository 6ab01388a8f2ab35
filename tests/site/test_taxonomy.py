"""Entity taxonomies: settings, slugs, counts, related entities, timelines, pages, feeds."""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import feedparser
import pytest
from conftest import run_pelican
from news_archive import settings as plugin_settings
from news_archive.site.taxonomy import set_defaults
from news_archive.site.taxonomy.index import build_index
from news_archive.site.taxonomy.timeline import timeline_svg
from news_archive.site.taxonomy.wrappers import assign_slugs

POSTS = [
    # (slug, date, countries, organizations, persons)
    ("a1", "2021-07-05 10:00", "TJ;AF;RU", "Collective Security Treaty Organization;Taliban",
     "Sergei Lavrov"),
    ("a2", "2021-07-07 09:00", "TJ;AF", "Taliban", "Emomali Rahmon;Sergei Lavrov"),
    ("a3", "2021-08-01 12:00", "TJ", "Collective Security Treaty Organization", ""),
    ("a4", "2021-10-20 12:00", "RU;Russia", "Taliban", "Vladimir Putin"),
    ("a5", "2022-01-03 08:00", "TJ;XK", "Côte d'Ivoire Bank;Cote d'Ivoire Bank", ""),
]


def post_text(slug, date, countries, orgs, persons, **extra) -> str:
    header = {"Title": f"Headline {slug}", "Date": date, "Slug": slug,
              "Summary": f"Standfirst of {slug}.", "Source": "RFE/RL",
              "Credits": "With reporting by Reuters", "Countries": countries,
              "Organizations": orgs, "Persons": persons,
              "Organization-Aliases": "CSTO=Collective Security Treaty Organization",
              "Original-Url": f"https://example.org/{slug}", "Raw-Path": f"{slug}.txt"}
    header.update(extra)
    lines = [f"{k}: {v}" for k, v in header.items() if v]
    return "\n".join(lines) + f"\n\nBody paragraph of {slug}.\n"


def build(tmp: Path, posts=POSTS, **settings) -> tuple[Path, str]:
    content = tmp / "content"
    (content / "posts").mkdir(parents=True, exist_ok=True)
    for p in posts:
        (content / "posts" / f"{p[0]}.md").write_text(post_text(*p), encoding="utf-8")
    out = tmp / "output"
    base = {"PATH": str(content), "OUTPUT_PATH": str(out), "NEWS_ARCHIVE_INGEST": False,
            "SEARCH_ENABLED": False}
    # One -e with every pair: Pelican keeps only the last of repeated -e options.
    pairs = [f"{k}={json.dumps(v)}" for k, v in {**base, **settings}.items()]
    proc = run_pelican(content, out, None, extra_args=("-e", *pairs))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, str]:
    return build(tmp_path_factory.mktemp("tax"), DEFAULT_PAGINATION=2, FEED_MAX_ITEMS=2)


def fake(slug, date, countries, orgs, persons):
    aliases = "CSTO=Collective Security Treaty Organization"
    return SimpleNamespace(slug=slug, date=datetime.fromisoformat(date), countries=countries,
                           organizations=orgs, persons=persons,
                           metadata={"organization-aliases": aliases})


def index():
    return build_index([fake(*p) for p in POSTS], {})


# --- settings -------------------------------------------------------------------------------

def test_defaults_depend_on_relative_urls():
    rel = plugin_settings.defaults({"RELATIVE_URLS": True})
    pretty = plugin_settings.defaults({"RELATIVE_URLS": False})
    assert rel["COUNTRY_SAVE_AS"] == pretty["COUNTRY_SAVE_AS"] == "country/{slug}/index.html"
    assert rel["COUNTRY_URL"] == "country/{slug}/index.html"
    assert pretty["COUNTRY_URL"] == "country/{slug}/"
    for key in ("ORGANIZATION_URL", "PERSON_SAVE_AS", "COUNTRIES_URL", "ORGANIZATIONS_SAVE_AS",
                "PERSONS_URL"):
        assert key in rel


def test_set_defaults_keeps_overrides_and_forces_autoescape():
    settings = {"COUNTRY_URL": "c/{slug}.html", "JINJA_ENVIRONMENT": {"trim_blocks": True},
                "PAGINATED_TEMPLATES": {"index": None}}
    pelican = SimpleNamespace(settings=settings)
    plugin_settings.set_defaults(pelican)
    set_defaults(pelican)
    assert settings["COUNTRY_URL"] == "c/{slug}.html"
    assert settings["PERSON_SAVE_AS"] == "person/{slug}/index.html"
    assert settings["JINJA_ENVIRONMENT"] == {"trim_blocks": True, "autoescape": True}
    assert {"country", "organization", "person", "index"} <= set(settings["PAGINATED_TEMPLATES"])


def test_url_override_is_used(tmp_path):
    out, _ = build(tmp_path, POSTS[:1], COUNTRY_SAVE_AS="land/{slug}.html",
                   COUNTRY_URL="land/{slug}.html", COUNTRY_FEED_ATOM=None)
    assert (out / "land" / "tj.html").is_file()
    assert not (out / "country").exists()
    assert "land/tj.html" in (out / "a1.html").read_text(encoding="utf-8")


# --- slugs, counts, related -----------------------------------------------------------------

def test_slugs_iso_codes_and_names():
    idx = index()
    slugs = {e.name: e.slug for e in idx.entities["country"]}
    assert slugs["Tajikistan"] == "tj" and slugs["Kosovo"] == "xk" and slugs["Russia"] == "ru"
    orgs = {e.name: e.slug for e in idx.entities["organization"]}
    csto = "Collective Security Treaty Organization"
    assert orgs[csto] == "collective-security-treaty-organization"


def test_code_and_name_of_one_country_merge():
    russia = [e for e in index().entities["country"] if e.slug == "ru"]
    assert len(russia) == 1 and russia[0].count == 2  # a1 (RU) and a4 (RU;Russia) once each


def test_collision_gets_suffix_and_warning(caplog):
    with caplog.at_level(logging.WARNING):
        slugs = assign_slugs({"Société Générale": "societe-generale",
                              "Societe Generale": "societe-generale"}, "Organization")
    assert sorted(slugs.values()) == ["societe-generale", "societe-generale-2"]
    assert slugs["Societe Generale"] == "societe-generale"  # stable: ordered by name
    msg = caplog.text
    assert "Société Générale" in msg and "Societe Generale" in msg


def test_collision_warning_in_build(site):
    out, log = site
    assert re.search(r"Cote d'Ivoire Bank.*Côte d'Ivoire Bank", " ".join(log.split()))
    assert (out / "organization" / "cote-divoire-bank-2" / "index.html").is_file()


def test_counts_dates_aliases_related():
    idx = index()
    tj = idx.by_name["country"]["TJ"]
    assert tj.count == 4
    assert [a.slug for a in tj.articles] == ["a5", "a3", "a2", "a1"]  # newest first
    assert tj.first_date.year == 2021 and tj.last_date.year == 2022
    csto = idx.by_name["organization"]["Collective Security Treaty Organization"]
    assert csto.aliases == ["CSTO"]
    related = {e.name: n for e, n in tj.related["country"]}
    assert related == {"Afghanistan": 2, "Russia": 1, "Kosovo": 1}
    assert tj.related["person"][0][0].name == "Sergei Lavrov"
    assert tj.related["person"][0][1] == 2
    assert [e.name for e in idx.entities["country"]][0] == "Tajikistan"  # most covered first


def test_timeline_svg_is_accessible():
    svg = str(timeline_svg(index().by_name["country"]["TJ"].months, "Tajikistan <x>"))
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "Tajikistan &lt;x&gt;" in svg and "<x>" not in svg
    assert svg.count('class="tl-bar"') == 3  # Jul, Aug 2021, Jan 2022 (empty months: no bar)
    assert "4 articles over 7 months" in svg


# --- the built site -------------------------------------------------------------------------

def test_entity_pages_and_indexes(site):
    out, _ = site
    page = (out / "country" / "tj" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Tajikistan</h1>" in page and 'role="img"' in page
    assert 'rel="alternate" type="application/atom+xml"' in page
    for name in ("countries", "organizations", "persons"):
        assert (out / name / "index.html").is_file()
    countries = (out / "countries" / "index.html").read_text(encoding="utf-8")
    assert "Asia" in countries and "Europe" in countries
    assert re.search(r'country/tj/index.html">Tajikistan</a>\s*<span class="count"[^>]*>4<',
                     countries)
    assert (out / "person" / "sergei-lavrov" / "index.html").is_file()
    org = (out / "organization" / "collective-security-treaty-organization" / "index.html")
    assert "Also known as CSTO" in org.read_text(encoding="utf-8")


def test_pagination(site):
    out, _ = site
    folder = out / "country" / "tj"
    assert (folder / "index2.html").is_file() and not (folder / "index3.html").exists()
    first = (folder / "index.html").read_text(encoding="utf-8")
    assert "Headline a5" in first and "Headline a1" not in first
    assert "Headline a1" in (folder / "index2.html").read_text(encoding="utf-8")
    assert 'href="../../country/tj/index2.html"' in first


def test_entity_feeds_parse(site):
    out, _ = site
    feed = feedparser.parse((out / "country" / "tj" / "feed.atom.xml").read_bytes())
    assert not feed.bozo
    assert "Tajikistan" in feed.feed.title
    assert [e.title for e in feed.entries] == ["Headline a5", "Headline a3"]  # FEED_MAX_ITEMS=2
    assert all("Standfirst" in e.summary and "content" not in e for e in feed.entries)


def test_date_archives(site):
    out, _ = site
    for path in ("archives.html", "2021/index.html", "2021/07/index.html", "2022/01/index.html"):
        assert (out / path).is_file(), path
    assert not (out / "2021" / "07" / "05").exists()  # day archives off by default
    month = (out / "2021" / "07" / "index.html").read_text(encoding="utf-8")
    assert "Headline a2" in month and "Headline a3" not in month


def test_day_archives_setting(tmp_path):
    out, _ = build(tmp_path, POSTS[:2], NEWS_ARCHIVE_DAY_ARCHIVES=True)
    assert (out / "2021" / "07" / "05" / "index.html").is_file()
    assert "2021/07/05/index.html" in (out / "2021" / "07" / "index.html").read_text("utf-8")


def test_entity_pages_can_be_switched_off(tmp_path):
    out, _ = build(tmp_path, POSTS[:1], NEWS_ARCHIVE_ENTITY_PAGES=False)
    assert not (out / "country").exists() and (out / "a1.html").is_file()

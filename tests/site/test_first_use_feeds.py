"""Issue 19: feeds correct out of the box once SITEURL is set in one place (the environment
that `make site SITEURL=...` passes on): absolute links, valid ids, real authors; without
SITEURL the build says once what to set."""

# ruff: noqa: E501  (fixture articles are one paragraph per line, as in a text dump)

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, run_pelican

feedparser = pytest.importorskip("feedparser", reason="feedparser not installed (.[test])")
pytestmark = pytest.mark.slow

SITEURL = "https://example.org/archive"
BYLINED = """Harbour Times
World | Business | Opinion

Storm Floods Coastal Towns in Portugal

By Mira Castell and Tomasz Wrona

LISBON, 4 February 2021 — A winter storm flooded streets in several coastal towns in Portugal overnight, forcing hundreds of residents to leave their homes, officials said.

Rescue teams used boats to reach people trapped on upper floors in the old quarter of Aveiro, where water rose more than a metre, according to the fire service.
"""
UNSIGNED = """Pacific Wire
Latin America | Asia-Pacific

Peru Cancels Anchovy Season After Warm Waters Drive Fish South

LIMA, 24 January 2023 — Peru cancelled the first anchovy fishing season of the year on Tuesday after surveys found too many young fish, the production ministry said.

Scientists said warm water off the coast had pushed the shoals south towards Chile, where fishers reported better catches this month.

© 2023 Pacific Wire
"""


def _build(work: Path, siteurl: str | None) -> tuple[Path, subprocess.CompletedProcess]:
    content, out = work / "content", work / "output"
    (content / "raw").mkdir(parents=True)
    (content / "raw" / "storm.txt").write_text(BYLINED, encoding="utf-8")
    (content / "raw" / "anchovy.txt").write_text(UNSIGNED, encoding="utf-8")
    settings = {"PATH": str(content), "OUTPUT_PATH": str(out), "SEARCH_ENABLED": False}
    pairs = [f"{k}={json.dumps(v)}" for k, v in settings.items()]
    old = os.environ.pop("SITEURL", None)
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "400"  # one log record per line
    try:
        if siteurl is not None:
            os.environ["SITEURL"] = siteurl
        proc = run_pelican(content, out, None, extra_args=("-e", *pairs))
    finally:
        os.environ.pop("SITEURL", None)
        os.environ.pop("COLUMNS")
        if columns is not None:
            os.environ["COLUMNS"] = columns
        if old is not None:
            os.environ["SITEURL"] = old
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, proc


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("first-use-feeds"), SITEURL)


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("first-use-feeds-local"), None)


def _feed(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_site_feed_has_absolute_links_valid_ids_and_real_authors(deployed):
    out, proc = deployed
    feed = _feed(out / "feeds" / "all.atom.xml")
    assert len(feed.entries) == 2
    authors = {}
    for e in feed.entries:
        assert e.link.startswith(SITEURL + "/"), e.link
        assert e.id.startswith("tag:example.org,"), e.id
        assert "None" not in e.id
        authors[e.title] = e.author
    assert authors["Storm Floods Coastal Towns in Portugal"] == "Mira Castell, Tomasz Wrona"
    # no byline: the outlet, never the site's generic AUTHOR
    assert authors["Peru Cancels Anchovy Season After Warm Waters Drive Fish South"] == \
        "Pacific Wire"
    assert "SITEURL is not set" not in proc.stderr + proc.stdout


def test_entity_feeds_carry_authors_too(deployed):
    out, _ = deployed
    feeds = [p for p in out.rglob("*.atom.xml") if p.parent.name != "feeds"]
    assert feeds
    for path in feeds:
        for e in _feed(path).entries:
            assert e.link.startswith(SITEURL + "/")
            assert e.author in ("Mira Castell, Tomasz Wrona", "Pacific Wire"), e.author


def test_jsonld_author_is_the_byline_and_authors_are_not_people(deployed):
    out, _ = deployed
    page = next(p for p in out.glob("*.html") if "storm" in p.name)
    html = page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html,
                                re.S).group(1))
    assert [a["name"] for a in data["author"]] == ["Mira Castell", "Tomasz Wrona"]
    assert not (out / "person" / "mira-castell").exists()
    assert "Mira Castell" not in json.dumps(data.get("mentions", []))


def test_without_siteurl_the_build_says_once_what_to_set(local):
    _, proc = local
    log = proc.stderr + proc.stdout
    assert log.count("SITEURL is not set") == 1
    assert "Feeds generated without SITEURL" not in log  # Pelican's vaguer copy is silenced
    assert "make site SITEURL=" in log
    # the ingest summary is printed on every build, without -v
    assert "news_archive ingest: 2 raw files seen" in log


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_site_passes_siteurl_to_pelican():
    proc = subprocess.run(["make", "-n", "site", f"SITEURL={SITEURL}", "VENV=/nonexistent"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert f"SITEURL='{SITEURL}'" in proc.stdout and "pelican content" in proc.stdout

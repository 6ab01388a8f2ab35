"""The seed article, end to end: raw text dump -> post -> built page, as the issue describes."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

HEADLINE = ("Tajikistan Reportedly Calls On Allies For Help With Security Challenges From "
            "Afghanistan")
LEAD = "Hundreds of Afghan civilians and soldier have fled across the border to Tajikistan"
FIRST = "Tajikistan has appealed to members of a Russian-led military alliance"
LAST = "both on a bilateral basis and through the CSTO."
CREDITS = "With reporting by RIA Novosti, Armen Press, and Reuters"
CHROME = ["Accessibility links", "Breaking News", "16x9 Image",
          "RFE/RL journalists report the news"]


class VisibleText(HTMLParser):
    """Text a reader sees in <main> (no scripts, styles or head)."""

    def __init__(self):
        super().__init__()
        self.depth_main = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth_main += 1
        if tag in ("script", "style", "template"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth_main -= 1
        if tag in ("script", "style", "template"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth_main and not self.skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


@pytest.fixture(scope="module")
def seed_page(sample_site):
    pages = [p for p in sample_site.rglob("*.html")
             if "tajikistan-reportedly-calls-on-allies" in p.as_posix()
             and "/country/" not in p.as_posix()]
    assert pages, "seed article page not built"
    return visible(pages[0].read_text(encoding="utf-8"))


def test_headline_and_lead_once(seed_page):
    assert seed_page.count(HEADLINE) == 1
    assert seed_page.count(LEAD) == 1


def test_body_runs_from_first_to_last_paragraph_without_chrome(seed_page):
    start, end = seed_page.index(FIRST), seed_page.index(LAST)
    assert start < end
    for chrome in CHROME:
        assert chrome not in seed_page


def test_source_credits_and_date(seed_page):
    assert "RFE/RL" in seed_page
    assert CREDITS in seed_page
    assert "2021" in seed_page and ("July" in seed_page or "2021-07-07" in seed_page)

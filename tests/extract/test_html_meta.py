"""extract/html_meta.py: a page's metadata as trafilatura reads it, minus unused parts."""

from __future__ import annotations

import pytest
from lxml import etree
from news_archive.extract.html_meta import page_metadata
from news_archive.extract.html_page import MARKUP_DATE_PARAMS

trafilatura = pytest.importorskip("trafilatura")
from trafilatura.metadata import extract_metadata  # noqa: E402

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Harbour dredging approved - The Coastal Courier</title>
<meta property="og:title" content="Harbour dredging approved">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="og:url" content="https://courier.example/news/harbour-dredging">
<meta name="description" content="Work on the outer channel starts in spring.">
<meta name="author" content="Mara Velden">
<meta property="article:published_time" content="2021-03-04T08:00:00Z">
<meta property="article:tag" content="harbour">
</head><body><article><h1>Harbour dredging approved</h1>
<p>The port authority approved dredging of the outer channel on Thursday, officials said,
so that larger ferries can dock at the main quay from next year.</p></article>
<footer><a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></footer>
</body></html>"""

FIELDS = ("title", "author", "url", "date", "sitename", "description")


def _tree(html: str):
    return trafilatura.load_html(html)


def test_fields_match_trafilatura():
    ours = page_metadata(_tree(PAGE), "https://courier.example/x", MARKUP_DATE_PARAMS)
    theirs = extract_metadata(_tree(PAGE), "https://courier.example/x", MARKUP_DATE_PARAMS)
    for field in FIELDS:
        assert getattr(ours, field) == getattr(theirs, field), field
    assert ours.title == "Harbour dredging approved"
    assert ours.date == "2021-03-04"
    assert ours.sitename == "The Coastal Courier"


def test_unused_parts_are_not_read():
    ours = page_metadata(_tree(PAGE), None, MARKUP_DATE_PARAMS)
    theirs = extract_metadata(_tree(PAGE), None, MARKUP_DATE_PARAMS)
    assert theirs.license and not ours.license  # the license link in the footer is not read
    assert not ours.hostname  # a site is named: the host name is not needed


def test_host_name_read_when_no_site_is_named():
    page = PAGE.replace('<meta property="og:site_name" content="The Coastal Courier">', "")
    ours = page_metadata(_tree(page), None, MARKUP_DATE_PARAMS)
    theirs = extract_metadata(_tree(page), None, MARKUP_DATE_PARAMS)
    assert ours.sitename == theirs.sitename
    assert (ours.sitename or ours.hostname) == (theirs.sitename or theirs.hostname)


def test_page_tree_is_left_as_it_was():
    tree = _tree(PAGE)
    before = etree.tostring(tree)
    page_metadata(tree, None, MARKUP_DATE_PARAMS)
    assert etree.tostring(tree) == before

"""Lines that stand where a headline stands but are never one (rule lines, URLs, date stamps,
share bars, breadcrumbs, staff and photo credits), and a dump whose header holds them. All
samples are written for these tests (no corpus text)."""

from __future__ import annotations

from datetime import date

import pytest
from news_archive.extract.headline_rejects import never_headline
from news_archive.extract.text_dump import extract_text_dump

TODAY = date(2030, 1, 1)

BODY = ["The harbour authority said on Tuesday that the new ferry terminal will open to "
        "passengers in the spring, two years later than first planned, after a dispute "
        "over the cost of the pier foundations.",
        "Officials said the delay had added about a fifth to the budget and that the "
        "contractor had agreed to pay part of the extra cost under a revised agreement.",
        "Regular crossings to the islands will continue from the old quay until the new "
        "terminal opens, the authority said, with timetables unchanged for the winter."]


def dump(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize("line", [
    "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
    "https://news.example.org/2024/ferry-terminal-opening-delayed-1234",
    "https://news.example.org/2024/ferry-terminal-opening-dela yed-1234",
    "Published Tue, Mar 12 20247:05 AM EST Updated Tue, Mar 12 20247:16 AM EST",
    "Today 12:01 AM",
    "Media captionThe new terminal seen from the harbour",
    "Email Twitter Facebook fb-messenger",
    "Icon Facebook Icon Twitter Icon LinkedIn Icon Email",
    "Home Music Music News",
    "Jane Roe, AP National Security Writer",
    "Jane Roe, news reporter",
    "Example Harbour Gazette Editorial Staff",
    "Jane Roe/EXAMPLEPHOTO",
    "ferry-terminal-delay ferry-terminal-delay",
    "HG - www.harbour-gazette.example",
    "You are signed in as",
    "Why you can trust Harbour Gazette",
    "Harbour Gazette is supported by its audience. When you purchase through links on our "
    "site, we may earn a commission.",
    "We've detected you are on an old browser. Please update your browser.",
    "Media playback is unsupported on your device",
    "Please enable JavaScript to view this page",
    "These are external links and will open in a new window",
    "The new terminal seen from the harbour wall Image: Jane Roe",
    "Ferry timetable sign. Photo illustration by Jane Roe, Harbour Gazette",
    "Passengers wait on the old quay (Photo by Jane Roe)",
    "Passengers wait on the old quay (Photo: Jane Roe/Harbour Gazette)",
    "Harbour master Jane Roe (left) and pilot John Doe on the new pier",
    "The ferry crew (from left to right) before the first crossing",
])
def test_line_is_never_a_headline(line):
    assert never_headline(line)


@pytest.mark.parametrize("line", [
    "Ferry terminal opening delayed by two years",
    "Home Depot Stock Falls After Earnings Report",
    "Hospital Cuts Staff as Budget Shrinks",
    "Updated rules for island ferries take effect",
    "Today the harbour reopens",
    "Smith, Jones win sailing title",
    "AC/DC to play harbour festival",
    "Microsoft retires Internet Explorer after 27 years",
    "Why the harbour trusts its pilots",
    "Photos: Crowds greet the first ferry",
    "Tourist's photo by the pier goes viral",
    "How to Take the Perfect Harbour Photo: 10 Tips",
    "Roe (R) beats Doe (D) in harbour board race",
    "Harbour voters turn right (again)",
])
def test_headline_is_kept(line):
    assert not never_headline(line)


def test_picture_credit_above_headline_is_not_the_headline():
    text = dump("Harbour Gazette", "The old quay at dawn. Photo illustration by Jane Roe",
                "Ferry terminal opening delayed by two years", *BODY)
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == "Ferry terminal opening delayed by two years"


def test_staff_credit_under_headline_is_not_the_headline():
    text = dump("Harbour Gazette", "News", "Ferry terminal opening delayed by two years",
                "Jane Roe, AP Transport Writer", "Jane Roe", "Transport writer @janeroe",
                "Wednesday 13 March 2024 11:42, UK", *BODY)
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == "Ferry terminal opening delayed by two years"
    assert ex.published == "2024-03-13"
    assert ex.paragraphs[0].startswith("The harbour authority said")


def test_rule_line_and_share_row_above_headline_are_skipped():
    text = dump("━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━", "Email Twitter Facebook fb-messenger",
                "Ferry terminal opening delayed by two years", "By Jane Roe",
                "March 13, 2024", *BODY)
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == "Ferry terminal opening delayed by two years"
    assert ex.published == "2024-03-13"


def test_date_under_the_first_copy_of_a_repeated_headline():
    """A page that shows its headline above a photo gallery and again above the text: the
    date line under the first copy dates the article."""
    head = "Ferry terminal opening delayed by two years"
    text = dump("Harbour Gazette", head, "Updated 5:27 am CST, Wednesday, March 13, 2024",
                "1 / 8", "Back to Gallery", "Photo: Jane Roe, Harbour Gazette", head, *BODY)
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == head
    assert ex.published == "2024-03-13"


def test_site_notice_above_the_article_is_not_its_headline():
    text = dump("Harbour Gazette", "Ferry terminal opening delayed by two years",
                "Why you can trust Harbour Gazette", *BODY)
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == "Ferry terminal opening delayed by two years"

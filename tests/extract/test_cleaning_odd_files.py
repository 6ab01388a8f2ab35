"""Honest outcomes for odd raw files: truncated saved pages and pages of repeated text.

Samples are written for these tests (no corpus text).
"""

from __future__ import annotations

import logging

import pytest
from news_archive.errors import UnreadableInput
from news_archive.extract.html_page import extract_html_page
from news_archive.extract.text_dump import extract_text_dump
from news_archive.ingest.pipeline import process_file

HEADLINE = "Harbour pier closed for repairs"
PARA = ("The harbour authority said on Friday that the northern pier would stay closed for "
        "repairs until the end of the month, after divers found storm damage to its piles.")
PARA2 = ("Ferry services will use the southern pier in the meantime, and passengers were asked "
         "to allow an extra fifteen minutes for boarding during the morning rush.")
HEAD = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{HEADLINE} | Port News</title>"
        f"<meta property='og:title' content='{HEADLINE}'>"
        "<style>body { font-family: serif; }</style></head><body>"
        "<div class='cookie'>We use cookies. <button>Accept</button></div>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>")


def test_truncated_page_with_one_paragraph_is_published_with_warning():
    html = HEAD + f"<article><h1>{HEADLINE}</h1><p>{PARA}</p><p>Ferry services will use the"
    e = extract_html_page(html)
    assert e.title == HEADLINE
    assert e.paragraphs[0] == PARA
    assert any("truncated" in w for w in e.warnings)


def test_truncated_page_cut_inside_first_paragraph():
    html = HEAD + f"<article><h1>{HEADLINE}</h1><p>{PARA} {PARA2[:60]}"
    e = extract_html_page(html)
    assert e.paragraphs and e.paragraphs[0].startswith(PARA)
    assert any("truncated" in w for w in e.warnings)


def test_truncated_before_the_article_is_skipped_with_reason():
    with pytest.raises(UnreadableInput, match="truncated before any article paragraph"):
        extract_html_page(HEAD + f"<article><h1>{HEADLINE}</h1><p>Ferry")


def test_complete_page_has_no_truncation_warning():
    paras = "".join(f"<p>{p}</p>" for p in (PARA, PARA2, PARA.replace("Friday", "Monday")))
    e = extract_html_page(HEAD + f"<article><h1>{HEADLINE}</h1>{paras}</article></body></html>")
    assert not any("truncated" in w for w in e.warnings)


def test_dump_of_one_paragraph_repeated_is_published_once():
    text = HEADLINE + "\n\n" + "\n\n".join([PARA] * 3000) + "\n"
    ex = extract_text_dump(text)
    assert ex.title == HEADLINE
    assert ex.paragraphs == [PARA]
    assert any("repeated 3,000 times" in w for w in ex.warnings)


def test_dump_of_repeated_chrome_is_skipped_with_that_reason():
    text = "\n\n".join(["Click here to load more stories from our partners"] * 500) + "\n"
    with pytest.raises(UnreadableInput, match="one paragraph repeated 500 times"):
        extract_text_dump(text)


def test_saved_page_of_one_paragraph_repeated_is_published_once():
    html = (HEAD + f"<article><h1>{HEADLINE}</h1>" + f"<p>{PARA}</p>" * 2000
            + "</article></body></html>")
    e = extract_html_page(html)
    assert e.paragraphs == [PARA]
    assert any("repeated 2,000 times" in w for w in e.warnings)


def test_pipeline_reports_the_repeat_reason(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "spam.txt").write_text(
        "\n\n".join(["Click here to load more stories from our partners"] * 400) + "\n",
        encoding="utf-8")
    (raw / "ok.txt").write_text(HEADLINE + "\n\n" + "\n\n".join([PARA] * 400) + "\n",
                                encoding="utf-8")
    bad = process_file(str(raw), "spam.txt")
    assert bad.drafts == []
    assert "repeated 400 times" in bad.errors[0][1]
    good = process_file(str(raw), "ok.txt")
    assert good.errors == []
    assert good.drafts[0].extracted.paragraphs == [PARA]


def test_normal_repeated_chrome_lines_untouched():
    # a share line shown a few times around a normal article is not "a page of repeats"
    text = "\n\n".join([HEADLINE, "Share this article", PARA, "Share this article", PARA2,
                        "Share this article", PARA.replace("Friday", "Monday")]) + "\n"
    ex = extract_text_dump(text)
    assert not any("repeated" in w for w in ex.warnings)
    assert len(ex.paragraphs) == 3


def test_page_without_text_is_reported_once_by_us_not_by_trafilatura(caplog):
    """The skip reason names the file in the ingest report; trafilatura's own anonymous
    "discarding data: None" warning is not shown beside it."""
    html = "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>"
    with caplog.at_level(logging.WARNING), pytest.raises(UnreadableInput):
        extract_html_page(html)
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]

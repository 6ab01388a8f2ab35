"""bench/eval_metadata.py: reference headline and date read from a page's own HTML, and how a
found headline is compared with them. The page is written for this test."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("eval_metadata", ROOT / "bench" / "eval_metadata.py")
em = importlib.util.module_from_spec(_spec)
sys.modules["eval_metadata"] = em  # dataclasses look their module up there
_spec.loader.exec_module(em)

PAGE = """<html lang="ru"><head><title>Мост закроют на ремонт | Городские вести</title>
<meta property="og:title" content="Центральный мост закроют на ремонт до конца лета">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Городские вести"},
 {"@type": "NewsArticle", "headline": "Центральный мост закроют на ремонт",
  "datePublished": "2024-05-05T10:15:00+03:00"}]}</script></head>
<body><h1>Центральный мост закроют на ремонт до конца лета</h1>
<time datetime="2024-05-06">6 мая</time></body></html>"""


def test_reference_reads_json_ld_first_and_keeps_every_stated_headline():
    ref = em.reference(PAGE)
    assert ref.date == "2024-05-05"  # JSON-LD datePublished before <time>, local date
    assert ref.lang == "ru"
    assert "Центральный мост закроют на ремонт" in ref.headlines
    assert "Мост закроют на ремонт" in ref.headlines  # <title> with the site name cut off
    assert "Городские вести" not in ref.headlines  # the WebSite object is no article


def test_placeholder_dates_are_no_reference():
    assert em.reference('<meta property="article:published_time" content="0001-01-01">').date \
        is None


def test_headline_comparison_ignores_case_punctuation_and_a_small_difference():
    refs = ["Центральный мост закроют на ремонт до конца лета"]
    assert em.headline_right("центральный мост закроют на ремонт до конца лета!", refs)
    assert em.headline_right("Центральный мост закроют на ремонт до конца лета — Вести", refs)
    assert not em.headline_right("Поделиться", refs)
    assert not em.headline_right("", refs)


def test_date_shown_needs_year_and_day_close_together():
    assert em.date_shown("Опубликовано 5 мая 2024, 10:15", "2024-05-05")
    assert not em.date_shown("Май 2024", "2024-05-05")


def test_headline_shown_needs_a_reference_whole_on_one_line():
    refs = ["Центральный мост закроют на ремонт"]
    assert em.headline_shown("Городские вести\n\nЦентральный мост закроют на ремонт!\n", refs)
    assert not em.headline_shown("Центральный мост\nзакроют на ремонт\n", refs)
    assert not em.headline_shown("Центральный мост закроют на ремонт\n", [""])

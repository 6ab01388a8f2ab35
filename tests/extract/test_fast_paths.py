"""The cleaner's fast paths give the same answers as the plain forms they replace.

Issue 16 made the text-dump cleaner faster: literals found by one trie regex instead of one
substring scan each, line widths and menu/space tests done in one pass or by substring
checks, paragraph keys compared by first word first, link boxes found from their markers.
Each test here compares a fast path with the straightforward computation on written samples
(and seeded random ones), so a fast path that drifts from its meaning fails.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from news_archive.extract import blocks, classify, published, text_dump
from news_archive.extract.blocks import Block, display_width, split_blocks
from news_archive.extract.classify import score_blocks
from news_archive.extract.resources import GuardedPattern, LiteralSet, literal_trie

# --- literal scans -------------------------------------------------------------------------


def test_literal_trie_finds_any_literal():
    rx = literal_trie(["sign up", "sign", "log in", "cookie"])
    assert rx.search("Please sign here")
    assert rx.search("accept the cookie banner")
    assert not rx.search("nothing to see")
    assert rx.search("log in now").group() == "log in"
    assert rx.search("sign up today").group() == "sign up"  # the longest at its position


def test_literal_trie_of_no_literals_never_matches():
    assert literal_trie([]).search("anything") is None


def test_literal_set_finds_overlapping_and_nested_literals():
    lits = ["Reuters", "Thomson Reuters", "Reuters.com", "AP", "AP News", "News Agency"]
    found = LiteralSet(lits).present("Thomson Reuters via AP News Agency and Reuters.com")
    assert found == set(lits)
    assert LiteralSet(lits).present("no outlet named") == set()


def test_literal_set_matches_substring_tests_on_random_texts():
    rng = random.Random(16)
    for _ in range(2000):
        lits = ["".join(rng.choice("abc") for _ in range(rng.randint(1, 4)))
                for _ in range(rng.randint(1, 6))]
        text = "".join(rng.choice("abcd ") for _ in range(rng.randint(0, 24)))
        assert LiteralSet(lits).present(text) == {lit for lit in lits if lit in text}
        assert (literal_trie(lits).search(text) is not None) == any(lit in text for lit in lits)


@pytest.mark.parametrize("text", [
    "subscribe to our newsletter", "we use cookies", "© 2021 Example Media",
    "Sign in to comment", "a plain sentence about the harbour", "the rights were reserved",
    "all rights reserved", "", "log", "blog post about login screens",
])
def test_guarded_pattern_agrees_with_its_regex(text):
    pattern = (r"\bsign ?in\b|\bsubscribe\b|\bnewsletter|cookies?\b|©|all rights reserved"
               r"|\blog ?in\b")
    guarded = GuardedPattern(pattern)
    assert guarded.test(text.lower()) == bool(re.search(pattern, text.lower()))
    if not guarded.maybe(text.lower()):
        assert not re.search(pattern, text.lower())


def test_boilerplate_phrases_agree_with_the_whole_pattern():
    samples = ["Accept all cookies to continue", "Read our privacy policy",
               "The council met on Tuesday to discuss the budget.", "Follow us on Mastodon",
               "Sign up for the morning briefing", "Download our app from the App Store"]
    for text in samples:
        assert classify._PHRASE.test(text.lower()) == bool(
            classify._PHRASE.regex.search(text.lower()))


# --- split_blocks --------------------------------------------------------------------------


@pytest.mark.parametrize("lines", [
    ["plain ascii", "", "  indented"],
    ["中文新闻标题", "mixed 中文 text", "Ünïcödé Latin"],
    ["emoji 🎉 party", "日本語🎌", ""],
    ["ideographic\u3000space", "non\u00a0breaking"],
])
def test_line_widths_are_display_widths(lines):
    assert blocks._line_widths(lines) == [display_width(ln) for ln in lines]


def _reference_wrap_width(widths: list[int]) -> int:
    """The wrap width as computed before issue 16 (counts by scanning)."""
    if len(widths) < 10:
        return 0
    widths = sorted(widths)
    n = len(widths)
    for q in (0.97, 1.0, 0.99, 0.95, 0.9):
        candidate = widths[min(n - 1, int(n * q))]
        if not 40 <= candidate <= 140:
            continue
        near = sum(1 for w in widths if candidate - 12 <= w <= candidate)
        longer = sum(1 for w in widths if w > candidate + 2)
        if near >= max(3, 0.04 * n) and longer <= 0.03 * n + 2:
            return max(w for w in widths if w <= candidate + 2)
    return 0


def test_wrap_width_by_bisection_matches_counting():
    rng = random.Random(7)
    for _ in range(500):
        wrap = rng.choice([0, 60, 72, 78, 100])
        widths = [rng.randint(max(1, wrap - 15), wrap) if wrap and rng.random() < 0.8
                  else rng.randint(1, 160) for _ in range(rng.randint(5, 80))]
        assert blocks._wrap_width_of(widths) == _reference_wrap_width(widths)


_REFERENCE_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@pytest.mark.parametrize("text", [
    "one two", "one  two", "tab\tseparated", "no\u00a0break", "ideo\u3000graphic",
    "thin\u2009space here", "mixed \u00a0 run", "Ünïcödé words only", "**bold** and _it_",
])
def test_clean_inline_collapses_runs_like_the_plain_regex(text):
    expected = _REFERENCE_SPACES.sub(" ", blocks.clean_inline(text)).strip()
    assert blocks.clean_inline(text) == expected
    assert "  " not in blocks.clean_inline(text)


@pytest.mark.parametrize("text", [
    "Home  World  Business", "News | Sport | Weather", "Home › World", "Home / World",
    "Home > World", "a\tb", "a\x0bb", "plain sentence, no separators.", "Über · Welt",
    "Politik\u00a0\u00a0Kultur", "one/two", "price >10",
])
def test_menu_separator_test_agrees_with_the_separator_regex(text):
    assert blocks._has_menu_separator(text) == bool(blocks._MENU_SEP_RE.search(text))


def test_split_blocks_finishing_is_cached_and_unchanged():
    dump = "Home  World  Business\n\n**Council approves budget**\n\n[Image]\n\nSome prose here.\n"
    first = [(b.text, b.menu) for b in split_blocks(dump)]
    again = [(b.text, b.menu) for b in split_blocks(dump)]
    assert first == again == [("Home World Business", True),
                              ("Council approves budget", False), ("Some prose here.", False)]


# --- score_blocks and text_dump ------------------------------------------------------------


def test_scored_text_is_the_block_text():
    scored = score_blocks([Block("A sentence that reads as prose, with a full stop at the end.")])
    assert scored[0].text == scored[0].block.text


def test_link_boxes_from_markers_match_a_full_scan():
    texts = ["Related", "Short link one", "Short link two", "A long paragraph of prose. " * 6,
             "Read more", "Tags:", "another link", "More prose follows here. " * 6]
    a = score_blocks([Block(t) for t in texts])
    b = score_blocks([Block(t) for t in texts])
    classify._mark_asides(b)  # the full scan, over blocks already marked
    assert [(s.klass, s.reason) for s in a] == [(s.klass, s.reason) for s in b]
    assert a[0].reason == "aside" and a[1].reason == "aside"


@pytest.mark.parametrize(("a", "b"), [
    ("The Council met.", "the council met"), ("The Council met.", "A council met."),
    ("", "..."), ("Same words", "Same words"), ("— Opening quote", "Opening quote!"),
    ("Straße", "STRASSE"), ("word", "word two"),
])
def test_same_words_agrees_with_word_keys(a, b):
    assert text_dump._SameWords()(a, b) == (text_dump._norm(a) == text_dump._norm(b))


# --- dates ---------------------------------------------------------------------------------


def test_date_patterns_all_need_a_year():
    # the year prefilter of find_dates is only used while this holds
    assert published._year_required()
    assert published.find_dates("June 3 and 12.05") == []
    assert [d.iso for d in published.find_dates("Posted June 3, 2019")] == ["2019-06-03"]
    assert [d.iso for d in published.find_dates("۱۴ اردیبهشت ۱۳۹۸")] == ["2019-05-04"]


def test_wide_class_covers_the_wide_characters_of_the_bmp():
    sample = "".join(chr(cp) for cp in range(0x1100, 0x10000, 97))
    expected = sum(unicodedata.east_asian_width(c) in ("W", "F") for c in sample)
    assert blocks.count_wide(sample) == expected


@pytest.mark.parametrize("text", [
    "IFRAME: https://player.example/embed", "Image", "Image of the harbour", "IMAGE 3",
    "IMG_0042.jpg", "Imagine a city", "In the city", "BUTTON", "Submit", "Submitted on Monday",
    "Sub", "[Image: harbour]", "[1] [2]", "(BUTTON) Share", "___", "_", "--", "Brief item",
    "Second paragraph.", "", "ok",
])
def test_placeholder_prefilter_agrees_with_the_regex(text):
    assert blocks._is_placeholder(text) == bool(blocks._PLACEHOLDER_RE.match(text))


def test_wide_or_astral_class_covers_both():
    assert blocks._WIDE_OR_ASTRAL_RE.search("中")
    assert blocks._WIDE_OR_ASTRAL_RE.search("party 🎉")
    assert not blocks._WIDE_OR_ASTRAL_RE.search("Ünïcödé “quoted” — text")


@pytest.mark.parametrize("chrome", [
    "© 2021 Coastal Courier. All rights reserved.", "Copyright 2019 Harbour Media",
    "Harbour Weekly journalists report from the coast", "KYIV (Reuters) - Officials said",
    "no outlet named anywhere here", "(c) 2020 Example Press, Inc.",
])
def test_source_patterns_prefilter_keeps_every_match(chrome):
    from news_archive.extract import meta

    for (_kind, rx), literals in zip(meta.SOURCE_PATTERNS, meta._SOURCE_LITERALS, strict=True):
        if rx.search(chrome):
            assert not literals or any(lit in chrome for lit in literals)

"""Headline rules shared by the extractors.

- A headline is never a dateline: "ТАШКЕНТ, 5 мая 2019 — Президент провёл встречу" gives the
  headline "Президент провёл встречу" (the dateline is split off); a lead paragraph used as
  a stand-in headline starts after its dateline.
- A saved page's own ``<h1>`` wins over ``og:title`` and ``<title>`` (which may be a shorter
  social headline, or carry the site's name as a suffix) when it is the article's headline,
  i.e. when the metadata title and the ``<h1>`` share most of their words.
- The headline is never repeated as the body's first paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from .dateline import read_dateline
from .published import find_dates

FALLBACK_CHARS = 90  # a stand-in headline cut from a lead paragraph is at most this long
MIN_WORDS, MAX_WORDS = 2, 30  # words of a headline
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.;:,。；：、]$")


def norm_words(text: str) -> list[str]:
    """The words of `text`, NFKC-normalised and case-folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _headline_words_ok(text: str) -> bool:
    """A headline's length in words, and no sentence punctuation at its end."""
    return MIN_WORDS <= len(norm_words(text)) <= MAX_WORDS and not _SENTENCE_END.search(text)


def headline_after_dateline(text: str, today: date | None = None) -> str:
    """The headline in a block that opens with a dated dateline ("" when there is none or
    when the rest reads as a sentence of body text rather than a headline)."""
    dl = read_dateline(text, today)
    if not dl or not dl.published:  # "UK: Inflation rises" keeps its "UK:"
        return ""
    rest = text[dl.end :].strip()
    return rest if _headline_words_ok(rest) else ""


# "Headline | Site", "Headline - March 3, 2021": the separator a page title puts before a suffix
_TITLE_SEP = re.compile(r"\s+(?:[|•·»]|::|[-–—])\s+")
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
SUFFIX_MAX_WORDS, SUFFIX_MAX_CHARS = 5, 40  # a site name after a headline
STAMP_EXTRA_WORDS = 3  # words beside the date in a date suffix ("Updated", "a.m.", a zone)


def _split_suffix(text: str) -> tuple[str, str]:
    """(head, suffix) at the last title separator; (text, "") without one."""
    matches = list(_TITLE_SEP.finditer(text))
    if not matches:
        return text, ""
    last = matches[-1]
    return text[: last.start()].strip(), text[last.end() :].strip()




def headline_before_date(text: str, today: date | None = None) -> str:
    """The headline of a block that is a headline and a date stamp ("Council approves budget |
    March 3, 2021"); "" when the block is not of that form. The date stays in the block for
    the date finder."""
    head, tail = _split_suffix(text)
    if not tail or not _headline_words_ok(head) or find_dates(head, today):
        return ""
    dates = find_dates(tail, today)
    if not dates:
        return ""
    rest = tail[: dates[0].start] + " " + tail[dates[-1].end :]
    words = [w for w in norm_words(rest) if not w.isdigit()]  # a time's digits are no words
    return head if len(words) <= STAMP_EXTRA_WORDS else ""


def _site_kind(tail: str) -> str:
    """What a title's last part is when it can be a site's name: "domain", "name" (a short
    capitalised name), or "" (anything else)."""
    if not tail or len(tail) > SUFFIX_MAX_CHARS or tail[-1] in ".?!":
        return ""
    if _DOMAIN.fullmatch(tail):
        return "domain"
    words = tail.split()
    if len(words) > SUFFIX_MAX_WORDS or not all(w[0].isupper() or not w[0].isalpha()
                                                for w in words):
        return ""
    return "name"


def without_site_suffix(title: str, elsewhere: Iterable[str]) -> str:
    """`title` without a trailing site name ("Council approves budget | Example Times"): a
    short capitalised name or a domain after a title separator, which the page also shows
    elsewhere (`elsewhere`: its other texts, e.g. the masthead or the copyright line; read
    only when the title has such a suffix)."""
    head, tail = _split_suffix(title)
    kind = _site_kind(tail)
    if not kind or len(head) <= len(tail) or len(norm_words(head)) < 3:
        return title
    if kind == "domain":
        return head
    name = tail.casefold()
    return head if any(name in t.casefold() for t in elsewhere) else title


def site_in_title(title: str, headline: str) -> str:
    """The site's name that a page's title gives after its headline ("Council approves budget
    | Example Times", also with a section between them); "" unless the title opens with the
    headline and ends with a short capitalised name or a domain."""
    head, tail = _split_suffix(title)
    lead = norm_words(headline)
    if not _site_kind(tail) or not lead or norm_words(head)[: len(lead)] != lead:
        return ""
    return tail


def lead_headline(paragraph: str, today: date | None = None) -> str:
    """A stand-in headline from the start of a lead paragraph, after its dateline."""
    dl = read_dateline(paragraph, today)
    text = paragraph[dl.end :].strip() if dl else paragraph.strip()
    if len(text) > FALLBACK_CHARS:
        return text[:FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"
    return text


def same_headline(a: str, b: str) -> bool:
    """True when two texts are the same headline (same words, case and punctuation aside)."""
    return bool(a and b) and norm_words(a) == norm_words(b)


def shares_headline(meta_title: str, h1: str) -> bool:
    """True when a page's metadata title and its ``<h1>`` name the same article: most words
    of the shorter one occur in the longer one (a site suffix or a shorter social headline
    differ only by a few words)."""
    a, b = norm_words(meta_title), norm_words(h1)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    common = sum(1 for w in short if w in set(long_))
    return common >= 0.6 * len(short) and common >= min(2, len(short))


_SITE_SEPARATOR = re.compile(r"\s+(?:[-|–—·»:]|::)\s+")
_SKIP_ANCESTORS = frozenset(("a", "nav", "footer", "aside", "form"))
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _is_headline_text(text: str) -> bool:
    """Long enough to be a headline: two words or more (four characters of CJK script)."""
    if len(text) > 300:
        return False
    return len(norm_words(text)) >= 2 or len(_CJK.findall(text)) >= 4


def _site_names(meta_title: str, sitename: str) -> set[tuple[str, ...]]:
    """Word tuples naming the site: its name and the last part of a "Headline | Site" title."""
    names = {tuple(norm_words(sitename))} if sitename else set()
    parts = _SITE_SEPARATOR.split(meta_title)
    if len(parts) > 1:
        names.add(tuple(norm_words(parts[-1])))
    return {n for n in names if n}


def page_h1(tree, meta_title: str = "", sitename: str = "") -> str:
    """The page's own headline from its ``<h1>`` elements ("" when none reads as one).

    Headings inside links (a logo), navigation, footers, asides and forms, one-word
    headings and headings that name the site are left out; an ``<h1>`` inside ``<article>``
    wins; otherwise the first one, if it shares words with `meta_title` or is the only one
    (and not in the page's header, where it may be the site's name).
    """
    site = _site_names(meta_title, sitename)
    candidates: list[tuple[str, bool, bool]] = []
    for el in tree.iter("h1"):
        ancestors = {a.tag for a in el.iterancestors() if isinstance(a.tag, str)}
        if ancestors & _SKIP_ANCESTORS:
            continue
        text = " ".join(el.text_content().split())
        if not _is_headline_text(text) or tuple(norm_words(text)) in site:
            continue
        page_header = "header" in ancestors and not ancestors & {"article", "main"}
        candidates.append((text, "article" in ancestors, page_header))
    if not candidates:
        return ""
    for text, in_article, _ in candidates:
        if in_article:
            return text
    text, _, page_header = candidates[0]
    if shares_headline(meta_title, text):
        return text
    # a lone <h1> in the page's own header (outside <main>) may be the site's name
    distinct = {tuple(norm_words(t)) for t, _, _ in candidates}
    return text if len(distinct) == 1 and not page_header else ""

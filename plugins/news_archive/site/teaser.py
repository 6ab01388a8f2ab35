"""Home-page and list teasers: one paragraph, without the dateline that opens the body.

`news_teaser` (Jinja filter) turns an article's summary HTML (its standfirst, or Pelican's
summary of the body) into the first paragraph only, with a leading dateline
("ALMATY, Kazakhstan, 9 May 2023 (KT) — ", "Wien, 7. Juni 2022. ") removed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup
from pelican import signals

_FIRST_P = re.compile(r"^\s*<p>(.*?)</p>", re.S)
_DASH_DATELINE = re.compile(r"^(?P<head>[^<>]{2,110}?)\s(?:—|–|--|-)\s+(?=\S)")
_AFTER_DATE = re.compile(r"^\s*(?:года|г\.)?\s*(?:\([^)]{1,20}\))?\s*[.:—–-]\s+(?=\S)")
_UPPER_WORD = re.compile(r"^[^\W\d_]{3,}")


def strip_dateline(text: str) -> str:
    """`text` without a dateline opening it (place and date before a dash or a full stop)."""
    from ..extract.published import find_dates

    head = text[:140]
    m = _DASH_DATELINE.match(head)
    if m:
        head_text = m.group("head")
        word = _UPPER_WORD.match(head_text)
        placed = "," in head_text[:40] and bool(find_dates(head_text))
        if word and (word.group(0).isupper() or placed):
            return text[m.end():]
    dates = find_dates(head)
    if dates and dates[0].start <= 40 and "." not in head[: dates[0].start].rstrip(". "):
        m2 = _AFTER_DATE.match(head[dates[0].end:])
        if m2:
            return text[dates[0].end + m2.end():]
    return text


def news_teaser(summary) -> Markup:
    """First paragraph of a summary (HTML), dateline removed."""
    return Markup(_teaser(str(summary or "")))


@lru_cache(maxsize=1 << 16)
def _teaser(html: str) -> str:
    """`news_teaser` of one summary: an article's teaser is shown on many list pages of a
    build (its entities' pages, the index, other articles' "More on"), so it is made once."""
    m = _FIRST_P.match(html)
    inner = m.group(1) if m else html
    inner = strip_dateline(inner)
    if inner[:1].islower():
        inner = inner[:1].upper() + inner[1:]
    return f"<p>{inner}</p>"


def add_filters(pelican) -> None:
    s = pelican.settings
    s["JINJA_FILTERS"] = {"news_teaser": news_teaser, **(s.get("JINJA_FILTERS") or {})}


def register() -> None:
    signals.initialized.connect(add_filters)

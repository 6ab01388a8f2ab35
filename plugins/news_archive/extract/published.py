"""Find full calendar dates (day, month and year) in page text.

Recognised forms: "July 7, 2021", "Nov. 19, 2019", "7 July 2021", "22 de janeiro de 2018",
"7 июля 2021", "2021-07-07", "2016.12.01", "2021年7月7日", "2021년 7월 7일", "07.07.2021"
(day first), "11/19/2019" (month first unless impossible).  Month names come from
``data/months.tsv``; date labels ("Published", "Updated", ...) from ``data/date_labels.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .resources import data_rows, pattern_groups

MONTHS: dict[str, int] = {}
for _lang, _num, _names in data_rows("months.tsv"):
    for _name in _names.split(","):
        MONTHS.setdefault(_name.strip().casefold(), int(_num))

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_M = rf"(?P<mname>{_MONTH_ALT})\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
DATE_RES = [
    re.compile(rf"(?<!\w){_M}\s+{_D},?\s+(?:of\s+)?{_Y}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<![\w.]){_D}\.?\s+(?:de\s+|of\s+)?{_M},?\s+(?:de\s+|del\s+)?{_Y}(?!\d)",
               re.IGNORECASE),
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)[./](?P<month>[01]?\d)[./](?P<day>[0-3]?\d)"
               r"(?![\d/])"),
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*"
               r"(?P<day>[0-3]?\d)\s*[日일]"),
    re.compile(r"(?<![\d./])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)"
               r"(?P<year>(?:19|20)\d\d)(?![\d.]\d)"),
]
LABELS = pattern_groups("date_labels.tsv")
_DIGITS_RE = re.compile(r"\d\d")


@dataclass
class FoundDate:
    """A date found in text: ISO string and where it was."""

    iso: str
    start: int
    end: int


def _to_iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    year = int(g["year"])
    if g.get("mname"):
        month, day = MONTHS.get(g["mname"].casefold().rstrip(".")), int(g["day"])
    elif g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        if g["sep"] == "/":
            month, day = (a, b) if a <= 12 else (b, a)
        else:
            month, day = (b, a) if b <= 12 else (a, b)
    else:
        month, day = int(g["month"]), int(g["day"])
    if not month:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str, today: date | None = None) -> list[FoundDate]:
    """All full dates in `text` (in order), not after `today` and not before 1990."""
    today = today or date.today()
    if not _DIGITS_RE.search(text):
        return []
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for rx in DATE_RES:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            iso = _to_iso(m)
            if not iso or iso > today.isoformat() or iso < "1990-01-01":
                continue
            taken.append((m.start(), m.end()))
            found.append(FoundDate(iso, m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    return found


def date_label(text: str, before: int) -> str:
    """"published" or "updated" if such a label precedes position `before` closely."""
    window = text[max(0, before - 40) : before]
    for kind in ("published", "updated"):
        rx = LABELS.get(kind)
        if rx is not None and rx.search(window):
            return kind
    return ""


@lru_cache(maxsize=4096)
def is_date_line(text: str) -> bool:
    """A short block holding a full date (with time, weekday, label or byline)."""
    if len(text) > 120 or not _DIGITS_RE.search(text):
        return False
    return bool(find_dates(text))

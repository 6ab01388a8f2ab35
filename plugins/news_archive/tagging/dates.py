"""Dates mentioned in article text, as ISO strings resolved against the published date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..calendar_names import alternation, month_names

_MONTHS = month_names("en")  # january, jan, ..., september, sept, sep, ...
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MON = rf"(?P<mon>{alternation(n.capitalize() for n in _MONTHS)})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<m>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b"),
    re.compile(rf"\b{_MON}\s+{_DAY}\b(?![,\s]+(?:19|20)\d\d)(?!\d)"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\b(?![,\s]+(?:19|20)\d\d)"),
    re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    re.compile(r"\b(?P<rel2>yesterday|today)\b", re.I),
    re.compile(r"(?<![\d,.$£€/-])(?P<year>(?:19|20)\d\d)(?![\d,%/-]|\.\d)(?P<decade>s\b)?"),
]

_REL = re.compile(r"\b(last|next|this)\s+$", re.I)

# Every pattern above starts its matches at one of a few kinds of position, which cheap scans
# find far faster than running each pattern over the whole text (a leading \b defeats the
# regex engine's own prefix search). `_candidates` lists, per pattern, a superset of the
# positions where it can match; `_finditer` then yields exactly what `finditer` would.
_DIGIT_RUN = re.compile(r"\d+")  # digit patterns start a run: \b or (?<!\d) before a \d
_MONTH_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_DIGIT, _MONTH, _WEEKDAY, _RELDAY = range(4)
_KIND = [_DIGIT, _MONTH, _DIGIT, _DIGIT, _DIGIT, _MONTH, _MONTH, _DIGIT, _WEEKDAY, _RELDAY,
         _DIGIT]


def _day_positions(text: str) -> list[int]:
    """Start offsets of every "day" in text."""
    out = []
    k = text.find("day")
    while k >= 0:
        out.append(k)
        k = text.find("day", k + 3)
    return out


def _candidates(text: str) -> list[list[int]]:
    """Per kind of pattern, sorted offsets that include every possible match start.

    * digit patterns: the first digit of each run of digits;
    * month patterns: each three-letter month prefix ('Jan', ..., 'Dec');
    * weekdays: 3 to 6 characters before each "day" ("Monday" ... "Wednesday");
    * yesterday/today (case-insensitive): 2 or 6 characters before each "day" of the
      lowercased text, if lowercasing keeps offsets; otherwise every offset is a candidate.
    """
    digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
    months = [m.start() for m in _MONTH_START.finditer(text)]
    days = _day_positions(text)
    weekdays = sorted({k - d for k in days for d in (3, 4, 5, 6) if k >= d})
    low = text.lower()
    if len(low) == len(text):  # one character per character: offsets line up
        rel = sorted({k - d for k in _day_positions(low) for d in (2, 6) if k >= d})
    else:
        rel = list(range(len(text)))
    return [digits, months, weekdays, rel]


def _finditer(rx: re.Pattern, text: str, starts: list[int]):
    """`rx.finditer(text)`, trying only the given candidate start offsets (none of the
    patterns can match the empty string, so the next search always resumes at a match end)."""
    end = 0
    for p in starts:
        if p >= end:
            m = rx.match(text, p)
            if m:
                yield m
                end = m.end()


def _published(published: str | None) -> date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", published)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _mk(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_day(pub: date | None, m: int, d: int) -> str | None:
    if pub is None:
        return None
    try:
        cand = date(pub.year, m, d)
    except ValueError:
        return None
    if (cand - pub).days > 183:
        cand = cand.replace(year=pub.year - 1)
    elif (pub - cand).days > 183:
        cand = cand.replace(year=pub.year + 1)
    return cand.isoformat()


def _weekday(pub: date | None, wd: str, rel: str) -> str | None:
    if pub is None:
        return None
    target = _WEEKDAYS.index(wd.lower())
    delta = (pub.weekday() - target) % 7
    if rel == "next":
        return (pub + timedelta(days=(target - pub.weekday()) % 7 or 7)).isoformat()
    if rel == "last" and delta == 0:
        delta = 7
    return (pub - timedelta(days=delta)).isoformat()


def mentioned_dates(text: str, published: str | None) -> list[str]:
    """ISO dates ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY') mentioned in text, sorted and unique."""
    pub = _published(published)
    found: set[str] = set()
    taken: list[tuple[int, int]] = []
    cands = _candidates(text)
    for rx, kind in zip(_PATTERNS, _KIND, strict=True):
        for m in _finditer(rx, text, cands[kind]):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            val: str | None = None
            if g.get("rel2"):
                if pub:
                    off = -1 if g["rel2"].lower() == "yesterday" else 0
                    val = (pub + timedelta(days=off)).isoformat()
            elif g.get("wd"):
                rel = _REL.search(text, max(0, m.start() - 7), m.start())
                val = _weekday(pub, g["wd"], rel.group(1).lower() if rel else "")
            else:
                mon = _MONTHS.get((g.get("mon") or "").lower().rstrip(".")) or (
                    int(g["m"]) if g.get("m") else None
                )
                year = int(g["year"]) if g.get("year") else None
                day = int(g["day"]) if g.get("day") else None
                if mon and day and year:
                    val = _mk(year, mon, day)
                elif mon and year:
                    val = f"{year:04d}-{mon:02d}" if 1 <= mon <= 12 else None
                elif mon and day:
                    if g.get("mon") == "May" and not re.match(r"May\s+\d", m.group()):
                        val = None
                    else:
                        val = _month_day(pub, mon, day)
                elif year and not g.get("decade"):
                    val = str(year)
            if val:
                found.add(val)
                taken.append((m.start(), m.end()))
    return sorted(found)

"""Find full calendar dates (day, month and year) in page text.

Recognised forms: "July 7, 2021", "Nov. 19, 2019", "Tuesday, Sept. 14, 2021", "7 July 2021",
"3. Juni 2019", "22 de janeiro de 2018", "7 июля 2021 г.", "۵ مه ۲۰۱۹", "2019. május 5.",
"2021-07-07", "2016.12.01", "2021年7月7日", "2021년 7월 7일", "07.07.2021" (day first),
"7. 7. 2021", "2021. 7. 7.", "7-iyul, 2021", "2021 ж. 7 шілде", "2021. gada 7. jūlijs",
"7 ביולי 2021" (CLDR's long and medium formats of the archive's languages; directional marks
between the parts are read past), "۱۴ اردیبهشت ۱۳۹۸" and "۱۳۹۸/۰۲/۱۴" (Solar Hijri calendar,
converted), slashed dates day first in Arabic-script text ("01/02/2020" is 1 February there),
"11/19/2019" (month first unless impossible).  A date needs a year: "June 3" is no date.
Month names are looked up in the one calendar table (``calendar_names``: hand-written
``data/months.tsv`` and CLDR's ``data/months_cldr.tsv``), so a month is matched as any word and then
checked against that table; digits of other scripts (Arabic-Indic, Devanagari, ...) count as
digits.  Date labels ("Published", "Updated", ...) come from ``data/date_labels.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..calendar_names import fold_name, name_table
from .resources import pattern_groups

MONTHS: dict[str, int] = name_table("months.tsv", "months_cldr.tsv")
WEEKDAYS: dict[str, int] = name_table("weekdays_cldr.tsv")
# names of two words ("كانون الثاني"); single words are matched generically and looked up
_MULTI = "|".join(
    re.escape(m).replace("\u06cc", "[\u06cc\u064a\u0649]").replace("\u06a9", "[\u06a9\u0643]")
    for m in sorted((m for m in MONTHS if " " in m), key=len, reverse=True)
)
_LETTERS = r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff\u064b-\u065f\u200c])"
_NAME = rf"(?:{_MULTI + '|' if _MULTI else ''}[^\W\d_]{_LETTERS}{{1,15}})"
_M = rf"(?P<mname>{_NAME})\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°|-?го|-?е)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
# after a year written with a month name: no more digits, unless a text converter glued the
# time to it ("Nov 15, 20195:45 AM")
_Y_END = r"(?:(?!\d)|(?=\d{1,2}:\d\d(?!\d)))"
DATE_RES = [
    re.compile(rf"(?<!\w){_M}\s+{_D},?\s+(?:of\s+)?{_Y}{_Y_END}", re.IGNORECASE),
    # (day and month also joined by a hyphen, Uzbek and Kyrgyz "7-iyul"; Arabic-script commas)
    re.compile(rf"(?<![\w.]){_D}\.?[,،]?(?:\s+|-)(?:de\s+|of\s+)?{_M}[,،]?\s+(?:de\s+|del\s+)?"
               rf"{_Y}{_Y_END}", re.IGNORECASE),
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)[./] ?(?P<month>[01]?\d)[./] ?(?P<day>[0-3]?\d)"
               r"(?![\d/])"),  # ("2021. 7. 7.": Korean)
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*"
               r"(?P<day>[0-3]?\d)\s*[日일]"),
    re.compile(r"(?<![\d./])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)"
               r"(?P<year>(?:19|20)\d\d)(?![\d.]\d)"),
    # day first with a space after each dot: Czech, Slovak, Serbian, Croatian "7. 7. 2021"
    re.compile(r"(?<![\d./])(?P<a>[0-3]?\d)(?P<sep>\.) (?P<b>[01]?\d)\. (?P<year>(?:19|20)\d\d)"
               r"(?![\d.]\d)"),
    # year first with a month name: Hungarian "2019. május 5.", Lithuanian "2019 m. gegužės 5 d.",
    # Armenian "2021 թ. հուլիսի 7"
    re.compile(rf"(?<![\w.]){_Y}\.?\s+(?:m\.\s+|gada\s+|թ\.\s+)?{_M}\s+(?P<day>[0-3]?\d)(?!\d)",
               re.IGNORECASE),
    # the year and its word first, then day and month: Kazakh "2021 ж. 7 шілде", Kyrgyz
    # "2021-ж., 7-июль", Uzbek "2021-yil 7-iyul", Latvian "2021. gada 7. jūlijs" (CLDR's patterns)
    re.compile(rf"(?<![\w.]){_Y}\.?\s*-?(?:ж|жыл|yil|йил|gada)\.?,?\s+{_D}\.?(?:\s+|-){_M}"
               rf"(?!\w)", re.IGNORECASE),
]
# Solar Hijri (Iranian/Afghan) calendar: "۱۴ اردیبهشت ۱۳۹۸" is 4 May 2019
JALALI_MONTHS: dict[str, int] = name_table("months_jalali.tsv")
JALALI_RE = re.compile(rf"(?<![\w.])(?P<day>[0-3]?\d)\s+(?P<jname>{_NAME})\s+"
                       r"(?P<jyear>1[34]\d\d)(?!\d)", re.IGNORECASE)
DATE_RES.append(JALALI_RE)
# ... and in digits, year first as Iranian sites print it: "۱۳۹۸/۰۲/۱۴", "1398.02.14"
DATE_RES.append(re.compile(r"(?<![\d./])(?P<jyear>1[34]\d\d)(?P<jsep>[./])(?P<jmonth>[01]?\d)"
                           r"(?P=jsep)(?P<jday>[0-3]?\d)(?![\d/])"))


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> tuple[int, int, int]:
    """(year, month, day) in the Gregorian calendar of a Solar Hijri date."""
    jy += 1595
    days = (-355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
            + ((jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186))
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    leap = (gy % 4 == 0 and gy % 100 != 0) or gy % 400 == 0
    lengths = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    gm = 0
    while gm < 11 and gd > lengths[gm]:
        gd -= lengths[gm]
        gm += 1
    return gy, gm + 1, gd


_ASCII_DIGITS: dict[int, str] = {}
for _cp in range(0x80, 0x1FBFA):
    if unicodedata.category(chr(_cp)) == "Nd":
        _ASCII_DIGITS[_cp] = str(unicodedata.digit(chr(_cp)))


def ascii_digits(text: str) -> str:
    """`text` with the digits of every script written as ASCII digits (same length)."""
    return text if text.isascii() else text.translate(_ASCII_DIGITS)


# directional marks (LRM, RLM, Arabic letter mark) that CLDR's right-to-left date formats set
# between the parts of a date
_MARK_CHARS = "\u200e\u200f\u061c"
_MARKS = re.compile(f"[{_MARK_CHARS}]")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
LABELS = pattern_groups("date_labels.tsv")
_DIGITS_RE = re.compile(r"\d\d")  # Unicode digits: any script
# a four-digit year of the Gregorian or Solar Hijri calendar (after `ascii_digits`)
_YEAR_RE = re.compile(r"(?:19|20|1[34])\d\d")
_YEAR_GROUPS = (r"(?P<year>(?:19|20)\d\d)", r"(?P<jyear>1[34]\d\d)")


@lru_cache(maxsize=1)
def _year_required() -> bool:
    """True when every DATE_RES pattern has one of the year groups, unquantified (then a
    text without such a year holds no date and is not searched)."""
    return all(
        any(g in rx.pattern and rx.pattern.split(g, 1)[1][:1] not in "?*{" for g in _YEAR_GROUPS)
        for rx in DATE_RES
    )


@dataclass
class FoundDate:
    """A date found in text: ISO string and where it was."""

    iso: str
    start: int
    end: int


def _hebrew_in(name: str) -> int | None:
    """The month of a Hebrew month name written with the prefix ב ("in"): "ביולי"."""
    return MONTHS.get(name[1:]) if name[:1] == "\u05d1" and len(name) > 3 else None


def _to_iso(m: re.Match[str], slash_day_first: bool = False) -> str | None:
    """ISO date of a match; `slash_day_first`: "01/02/2020" is 1 February (text in Arabic
    script, whose CLDR short formats put the day first), else 2 January when both can be."""
    g = m.groupdict()
    if g.get("jmonth"):
        jm, jd = int(g["jmonth"]), int(g["jday"])
        if not 1 <= jm <= 12 or not 1 <= jd <= (31 if jm <= 6 else 30):
            return None
        return date(*jalali_to_gregorian(int(g["jyear"]), jm, jd)).isoformat()
    if g.get("jname"):
        jm, jd = JALALI_MONTHS.get(fold_name(g["jname"])), int(g["day"])
        if not jm or not 1 <= jd <= (31 if jm <= 6 else 30):
            return None
        return date(*jalali_to_gregorian(int(g["jyear"]), jm, jd)).isoformat()
    year = int(g["year"])
    if g.get("mname"):
        name = fold_name(g["mname"])
        month, day = MONTHS.get(name) or _hebrew_in(name), int(g["day"])
    elif g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        if g["sep"] == "/" and not slash_day_first:
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
    text = ascii_digits(text)
    if not _YEAR_RE.search(text) and _year_required():
        return []
    kept, text_in = None, text
    if _MARKS.search(text):  # "07\u200f/07\u200f/2021": read without the marks, report
        kept = [i for i, ch in enumerate(text) if ch not in _MARK_CHARS]  # original offsets
        text = "".join(text[i] for i in kept)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    # (right-to-left marks between a date's parts come from an Arabic-script locale's format)
    arabic_script = _ARABIC_LETTER.search(text) is not None or (
        kept is not None and ("\u200f" in text_in or "\u061c" in text_in))
    for rx in DATE_RES:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            iso = _to_iso(m, arabic_script)
            if not iso or iso > today.isoformat() or iso < "1990-01-01":
                continue
            taken.append((m.start(), m.end()))
            start, end = m.start(), m.end()
            if kept is not None:
                start, end = kept[start], kept[end - 1] + 1
            found.append(FoundDate(iso, start, end))
    found.sort(key=lambda f: f.start)
    return found


def date_label(text: str, before: int) -> str:
    """"published" or "updated" if such a label precedes position `before` closely."""
    window = text[max(0, before - 40) : before]
    best, best_end = "", -1
    for kind in ("published", "updated"):  # the label nearest the date names it
        rx = LABELS.get(kind)
        for m in rx.finditer(window) if rx is not None else ():
            if m.end() > best_end:
                best, best_end = kind, m.end()
    return best


@lru_cache(maxsize=1 << 16)
def is_date_line(text: str) -> bool:
    """A short block holding a full date (with time, weekday, label or byline)."""
    if len(text) > 120 or not _DIGITS_RE.search(text):
        return False
    return bool(find_dates(text))

"""Read the dateline that opens a news story: place, agency and (sometimes) the date.

Forms recognised, in any language and script (month names from `published.MONTHS`):
"BEIRUT, June 3, 2019 — ...", "LEBANON — June 3, 2019 — ...", "TBILISI, Georgia — May 26,
2021 — ...", "GENEVA (Reuters) — Feb. 9, 2021 — ...", "WASHINGTON (AP) — Tuesday, Sept. 14,
2021 — ...", "PARIS, 3 juin 2019 (AFP) - ...", "BERLIN (dpa) - 3. Juni 2019 - ...",
"ТАШКЕНТ, 5 мая 2019 г. — ...", "طهران، ۵ مه ۲۰۱۹ — ...", "June 3, 2019 10:30 EDT — ...",
"Lima, 22 de agosto de 2022.- ..." (a full stop before the dash, as Spanish-language wires
write it), and datelines without a date ("LONDON (Reuters) - ..."). A dateline without a year
gives no date ("LONDON, June 3 —"): the year is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..calendar_names import fold_name
from .published import WEEKDAYS, find_dates

HEAD_CHARS = 160  # a dateline ends within this many characters of the paragraph start
MAX_PLACE_WORDS = 8  # words before the date (place, region, agency, weekday)
_SEP = r"(?:\s*[—–―]\s*|\s+--?\s+|\s*--\s*|\s+-(?=\S)|\s*:\s+|\s+\|\s+)"
# what may follow the date before the story starts: a time and zone, a year word, an agency
_AFTER_DATE = re.compile(
    r"(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
    r"(?:\s*(?:г\.|года|р\.|року|yılı|m\.|gada))?"
    r"(?:\s*\([^()]{1,40}\))?(?:" + _SEP + r"|\s*/[^/\s][^/]{0,20}/\.?\s+"
    r"|\.\s?[-—–―]{1,2}\s+"  # "Lima, 22 de agosto de 2022.- El ...": Spanish-language wires
    r"|\.\s+(?=[^\W\d_]))"  # "Wien, 3. Oktober 2022. Österreich hat ...": a full stop
)
_AGENCY = re.compile(r"\([^()]{1,40}\)")
_WORD = re.compile(r"[^\s,،;:—–―\-]+")
_SENTENCE_PUNCT = re.compile(r"[!?؟]|(?<!\b\w)(?<!\b\w\w)\.(?=\s)")
# a dateline without a date: an upper-case place (or an uncased script), an optional agency
_PLACE_ONLY = re.compile(
    r"^(?P<place>[^\W\d_][^\n()—–―]{0,50}?)\s*(?P<agency>\([^()]{1,40}\))?" + _SEP
)


@dataclass
class Dateline:
    """A paragraph's dateline: its text, place, date (ISO, or None) and where the story starts."""

    text: str
    place: str
    published: str | None
    end: int


def _word_ok(word: str) -> bool:
    """A word of a dateline's place part: capitalised, upper case, an uncased script, a
    weekday, an abbreviation or a short lower-case particle ("de", "am")."""
    w = word.strip("().'’\"")
    if not w:
        return True
    first = w[0]
    if first.isupper() or not (first.isupper() or first.islower()):
        return True
    if fold_name(w) in WEEKDAYS:
        return True
    return len(w) <= 3 and w.isalpha()  # "de", "am", "al", "on"


def _place_like(prefix: str) -> bool:
    """True when the text before a dateline's date reads as place, region, agency, weekday."""
    bare = _AGENCY.sub(" ", prefix).strip(" ,،;—–―-")
    if not bare:
        return True
    words = _WORD.findall(bare)
    if not words or len(words) > MAX_PLACE_WORDS or _SENTENCE_PUNCT.search(bare + " "):
        return False
    first = words[0][0]
    if first.islower():
        return False
    return all(_word_ok(w) for w in words)


def _is_upper_place(place: str) -> bool:
    """An upper-case place name ("TBILISI", "ТАШКЕНТ") or one in an uncased script."""
    letters = [c for c in place if c.isalpha()]
    if not letters:
        return False
    cased = [c for c in letters if c.isupper() or c.islower()]
    if not cased:
        return len(place.split()) <= 3
    return all(c.isupper() for c in cased)


def read_dateline(paragraph: str, today: date | None = None) -> Dateline | None:
    """The dateline opening `paragraph`, or None."""
    head = paragraph[:HEAD_CHARS]
    for d in find_dates(head, today):
        if not _place_like(head[: d.start]):
            break
        m = _AFTER_DATE.match(head, d.end)
        if not m or m.end() >= len(paragraph):
            continue
        if m.group().strip().endswith(".") and not re.search(r"\S[,،]\s*$", head[: d.start]):
            continue  # a full stop ends a dateline only after "Place, " ("On June 3, 2019.")
        place = re.split(r"[(—–―]|\s-", head[: d.start])[0].strip(" ,،;")
        return Dateline(head[: m.end()].strip(), place, d.iso, m.end())
    m = _PLACE_ONLY.match(head)
    if m and (m.group("agency") or _is_upper_place(m.group("place"))) and m.end() < len(
        paragraph
    ):
        place = m.group("place").strip(" ,،")
        if _place_like(place) and len(place.split()) <= 4:
            return Dateline(head[: m.end()].strip(), place, None, m.end())
    return None

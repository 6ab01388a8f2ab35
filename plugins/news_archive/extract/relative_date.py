"""Relative publication times: "Published 3 hours ago", "vor 2 Tagen", "3 часа назад".

A page saved soon after it was published often shows no date, only how long ago it appeared.
That names the day once the moment the page was saved is known, which for a raw file is its
modification time: the post is dated that time less the age (with a warning saying so), not
by the modification time alone. Only minutes, hours and days count (``data/relative_dates.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .resources import data_rows

MAX_LINE = 120  # characters: a longer block is prose ("Two days ago, the council ..."), not a date


@dataclass(frozen=True)
class RelativeTime:
    """A relative time found in a page: its line and the age it gives, in seconds."""

    line: str
    seconds: int


@cache
def _tables() -> tuple[list[re.Pattern[str]], list[tuple[str, int]]]:
    phrases, units = [], []
    for row in data_rows("relative_dates.tsv"):
        if row[0] == "ago":
            phrases.append(re.compile(row[2], re.IGNORECASE))
        elif row[0] == "unit":
            units.append((row[1].casefold(), int(row[2])))
    units.sort(key=lambda u: len(u[0]), reverse=True)
    return phrases, units


def _unit_seconds(word: str) -> int | None:
    word = word.casefold()
    return next((secs for stem, secs in _tables()[1] if word.startswith(stem)), None)


def find_relative_time(texts: list[str]) -> RelativeTime | None:
    """The first relative time ("3 hours ago") on a short line of `texts`, or None."""
    phrases, _ = _tables()
    for text in texts:
        if len(text) > MAX_LINE:
            continue
        for rx in phrases:
            m = rx.search(text)
            if m is None:
                continue
            secs = _unit_seconds(m.group("unit"))
            if secs is None:
                continue
            n = m.group("n")
            return RelativeTime(" ".join(text.split()), secs * (int(n) if n.isdigit() else 1))
    return None

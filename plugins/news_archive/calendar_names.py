"""The one table of month and weekday names, read by the extractors and the tagger.

`data/months.tsv` is written by hand (common abbreviations and genitive forms of the languages
news sites use most); `data/months_cldr.tsv` and `data/weekdays_cldr.tsv` come from CLDR
(`bench/build_calendar_names.py`); `data/months_jalali.tsv` names the months of the Solar
Hijri calendar. Rows: language<TAB>number<TAB>comma-separated names.
"""

from __future__ import annotations

from functools import cache

from .datafiles import read_rows

# Persian and Arabic spell some letters differently: names are compared with one spelling
_LETTER_FOLD = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})


def fold_name(name: str) -> str:
    """A month or weekday name as looked up: case-folded, Arabic/Persian letters unified."""
    return name.strip().rstrip(".").casefold().translate(_LETTER_FOLD)


@cache
def _rows(file: str) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    return tuple((row[0], int(row[1]), tuple(n.strip() for n in row[2].split(",") if n.strip()))
                 for row in read_rows("", file, (3, 3)))


def name_table(*files: str) -> dict[str, int]:
    """{folded name: number} from the given tables; a name keeps the number of the first row
    that lists it."""
    table: dict[str, int] = {}
    for file in files:
        for _lang, number, names in _rows(file):
            for n in names:
                table.setdefault(fold_name(n), number)
    return table


def month_names(*langs: str, full_only: bool = False) -> dict[str, int]:
    """{lower-case name: month} of the hand-written table for these languages, in table order:
    full names and the abbreviations news copy uses, or (`full_only`) the full names only
    (the first name of each row)."""
    out: dict[str, int] = {}
    for lang, number, names in _rows("months.tsv"):
        if lang in langs:
            for n in names[:1] if full_only else names:
                out.setdefault(n.lower(), number)
    return out


def alternation(names) -> str:
    """A regex alternation of names, longest first (so "June" is tried before "Jun")."""
    import re

    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))

"""Listing rows in hard-wrapped dumps (news_archive.extract.blocks).

lynx and w3m lay out a listing ("June 9 -- Hall, Town") one row per line; a row about as
long as the wrap width looked like a wrapped line, and the next row was joined to it.  The
samples are written for these tests.
"""

from __future__ import annotations

from news_archive.extract.blocks import split_blocks
from rawtexts import wrap_words

PROSE = (
    "The orchestra will travel through eleven cities next summer, playing old favourites "
    "and two new pieces written for the anniversary, its director said on Monday evening "
    "after the last rehearsal of the season in the old riverside concert hall."
)
ROWS = [
    "May 3 -- Town Hall, Springfield",
    "May 5 -- Riverside Theatre and Community Arts Centre, Lower Brookfield Valley",
    "May 8 -- Market Square, Oldham",
    "May 12 -- Harbour Pavilion, Eastport",
]


def _dump() -> str:
    prose = wrap_words(" ".join([PROSE] * 3), 76)
    return "\n".join("   " + ln for ln in [*prose, "", *ROWS]) + "\n"


def test_a_row_as_long_as_the_wrap_width_does_not_swallow_the_next_row():
    assert len("   " + ROWS[1]) + 1 + len("May") > 76  # (it would have been joined)
    texts = [b.text for b in split_blocks(_dump())]
    assert texts[-4:] == ROWS


def test_prose_lines_starting_alike_are_still_joined():
    lines = wrap_words(" ".join([PROSE] * 3), 76)
    lines[4] = "Room 12 - " + lines[4]  # a wrapped line that happens to start like a row
    text = "\n".join("   " + ln for ln in lines) + "\n"
    assert len(split_blocks(text)) == 1

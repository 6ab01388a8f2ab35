"""A listing that closes an article: tour dates, fixtures, results, opening hours.

News articles often end with a run of short lines of one shape under an introducing line
("Tour dates:", "The schedule"): "June 9 -- Arena, City, ST", "Aug. 2 – Town @ Hall". Each
line alone is too short to count as prose, so the region stopped above them; read together,
a run of lines that share a separator and each hold a number is the article's own listing.
"""

from __future__ import annotations

import re

from .classify import BAD, Scored

LISTING_MIN_LINES = 5  # a run shorter than this is not told from a box of links
LISTING_LINE_MAX = 160  # characters: a longer line is prose, not a listing row
INTRO_MAX = 120  # characters of the line that introduces the listing
# separators that split a listing row into its fields ("date -- venue", "team 2:1 team")
_SEPARATORS = (" -- ", " – ", " — ", " - ", " @ ", " | ", "\t")
_DIGIT = re.compile(r"\d")


def _row_shape(s: Scored) -> str | None:
    """The separator that splits block `s` as a listing row, or None when it is no row."""
    text = s.text
    if (s.klass == BAD or s.block.kind != "p" or s.block.menu or len(text) > LISTING_LINE_MAX
            or not _DIGIT.search(text)):
        return None
    return next((sep for sep in _SEPARATORS if sep in text), None)


def _is_intro(s: Scored) -> bool:
    """A short line that introduces a listing ("Tour dates:", "The 2020 schedule")."""
    text = s.text
    return (s.klass != BAD and s.block.kind in ("p", "h") and len(text) <= INTRO_MAX
            and (s.block.kind == "h" or not text.endswith((".", "!", "?"))))


def extend_over_listing(scored: list[Scored], end: int) -> int:
    """The region's end moved over a listing that directly follows it (after at most one
    introducing line): at least `LISTING_MIN_LINES` rows split by the same separator."""
    i = end + 1
    if i < len(scored) and _row_shape(scored[i]) is None:
        if not _is_intro(scored[i]):
            return end
        i += 1
    if i >= len(scored):
        return end
    shape = _row_shape(scored[i])
    if shape is None:
        return end
    j = i
    while j + 1 < len(scored) and _row_shape(scored[j + 1]) == shape:
        j += 1
    return j if j - i + 1 >= LISTING_MIN_LINES else end

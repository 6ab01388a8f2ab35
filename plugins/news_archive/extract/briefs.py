"""Short news briefs in text dumps: a headline and one to three short paragraphs.

The region finder (`classify.best_region`) weighs blocks by their length, so a brief's short
closing sentence ("It reopens on Wednesday.") and a brief made only of short sentences are
lost, and with no prose after it the headline is not recognised either.  These rules keep
them: in a file that holds the brief alone, complete short sentences right after the text
belong to it, and a dump whose prose is only short sentences is read as a brief under its
headline.
"""

from __future__ import annotations

import re

from .classify import BAD, GOOD, NEAR, Scored, is_caption, is_end_marker
from .meta import is_credit
from .published import is_date_line

MIN_WORDS = 4  # a short sentence of a brief has at least this many words
MAX_TAIL = 2  # short sentences taken after the region's end ...
BRIEF_PROSE_BLOCKS, BRIEF_PROSE_CHARS = 2, 600  # ... of a brief: two paragraphs at most,
BRIEF_MAX_DUMP_BLOCKS = 8  # in a file that is the brief alone (no page chrome around it)
BRIEF_MAX_BLOCKS = 4  # a brief found without a region has at most this many paragraphs
_STARTS = re.compile(r"^[\"'“‘«„(]?[^\W\d_a-zà-ÿа-я]")  # an upper-case or uncased letter
_ENDS = re.compile(r"[.!?…。！？][\"'”’»)]*$")


def is_short_sentence(s: Scored) -> bool:
    """A complete sentence of body text too short to count as prose on its own."""
    if s.block.kind != "p" or s.block.menu or s.klass == BAD or s.reason:
        return False
    text = s.text
    if s.words < MIN_WORDS or not _ENDS.search(text) or not _STARTS.match(text):
        return False
    return not (is_caption(text) or is_credit(text) or is_date_line(text)
                or is_end_marker(text))


def extend_end(scored: list[Scored], start: int, end: int) -> int:
    """The region's end moved over short complete sentences that directly follow it, when
    the file is a brief alone (a headline and one or two paragraphs of prose).  On a web
    page a short sentence after a short text is as often a link line ("You can view ...
    here"), and keeping those lowered the dev score on one half of the A/B split."""
    if len(scored) > BRIEF_MAX_DUMP_BLOCKS:
        return end  # a web page with its chrome: a short line after the text is chrome
    prose = [s.weight for s in scored[start : end + 1] if s.klass in (GOOD, NEAR)]
    if len(prose) > BRIEF_PROSE_BLOCKS or sum(prose) >= BRIEF_PROSE_CHARS:
        return end
    j = end
    while j + 1 < len(scored) and j - end < MAX_TAIL and is_short_sentence(scored[j + 1]):
        j += 1
    return j


def _headline_like(s: Scored) -> bool:
    """A short heading line over a brief (three words are enough: "Storm closes pass")."""
    if s.block.kind == "li" or s.block.menu or s.reason not in ("", "fragment"):
        return False
    text = s.text
    return (s.words >= 2 and len(text) <= 250 and not _ENDS.search(text)
            and not text.endswith((",", ";", ":")) and not is_date_line(text)
            and not is_caption(text) and not is_end_marker(text))


def brief_region(scored: list[Scored]) -> tuple[int, int, int]:
    """(title, start, end) of a brief in a dump where no prose region was found: the first
    run of short complete sentences under a headline-like block; (-1, -1, -1) if none."""
    i = 0
    while i < len(scored):
        if not is_short_sentence(scored[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(scored) and is_short_sentence(scored[j + 1]):
            j += 1
        if j - i + 1 <= BRIEF_MAX_BLOCKS and i > 0 and _headline_like(scored[i - 1]):
            return i - 1, i, j
        i = j + 1
    return -1, -1, -1

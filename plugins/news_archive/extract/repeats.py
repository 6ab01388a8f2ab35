"""Pages made of one paragraph repeated over and over (a broken scraper or a spam page).

The cleaner treats a block shown three times or more as page chrome, so a page whose whole
body is one paragraph repeated thousands of times lost all of it and was skipped as "no
article text found", which is the wrong reason.  Such a page is now published once with its
repeats collapsed (and a warning), or skipped with a reason that says what it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

REPEAT_MIN = 5  # a text shown at least this many times ...
REPEAT_SHARE = 0.5  # ... making up at least this share of the page's text is collapsed
MIN_CHARS = 40  # only paragraphs this long are collapsed (short chrome lines repeat anyway)


def dominant_repeat(texts: Sequence[str]) -> tuple[str, int]:
    """(text, count) of a paragraph repeated so often that it is most of the page;
    ("", 0) when there is none."""
    counts = Counter(t for t in texts if len(t) >= MIN_CHARS)
    if not counts:
        return "", 0
    text, n = counts.most_common(1)[0]
    if n >= REPEAT_MIN and n * len(text) >= REPEAT_SHARE * (sum(map(len, texts)) or 1):
        return text, n
    return "", 0


def collapse_warning(n: int) -> str:
    """The warning of a page whose repeats were collapsed."""
    return f"one paragraph was repeated {n:,} times on the page; it is kept once"


def skip_reason(n: int) -> str:
    """The reason a page of repeats with no article text in it is skipped."""
    return f"no article text found: the page is one paragraph repeated {n:,} times"

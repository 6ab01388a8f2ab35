"""Name every cut of article text: nothing that reads like prose is dropped silently.

The extractor keeps the best run of blocks and drops chrome inside it. These checks look at
what it dropped and return one warning per kind of cut, for the post's warnings, `inspect`
and the ingest report:

- prose-like blocks inside the kept run that were classed as chrome (caption, boilerplate...);
- article prose right after the end of the kept run (the run stopped at a block it took for
  chrome, and what followed it was lost).
"""

from __future__ import annotations

import re

from .classify import BAD, BYLINE, GOOD, NEAR, SHORT, Scored

PROSE_WEIGHT = 80  # a dropped block at least this long, with a sentence, reads like prose
LOOK_AHEAD = 3  # blocks after the end of the article searched for more article prose
QUOTE = 60  # characters of a dropped block quoted in a warning


def quote(text: str) -> str:
    """The start of a block, for a warning."""
    text = " ".join(text.split())
    return f"«{text[:QUOTE]}…»" if len(text) > QUOTE else f"«{text}»"


def _prose_like(s: Scored) -> bool:
    return s.weight >= PROSE_WEIGHT and s.sentences >= 1


def inner_cuts(scored: list[Scored], start: int, end: int) -> list[str]:
    """Prose-like blocks inside [start, end] dropped as chrome."""
    dropped = [s for s in scored[start : end + 1] if s.klass == BAD and _prose_like(s)]
    if not dropped:
        return []
    parts = [f"{s.reason or 'chrome'} {quote(s.text)}" for s in dropped[:3]]
    more = f" and {len(dropped) - 3} more" if len(dropped) > 3 else ""
    return [f"dropped {len(dropped)} paragraph(s) inside the article as page chrome: "
            + "; ".join(parts) + more]


def tail_cut(scored: list[Scored], end: int) -> list[str]:
    """Article prose just after the region's end that was not kept."""
    if end < 0 or end + 1 >= len(scored):
        return []
    stop = scored[end + 1]
    if stop.reason in ("end", "aside", "fragment"):
        return []  # the article ends at "Comments" / "Related": the usual, expected cut
    lost: list[Scored] = []
    for s in scored[end + 1 : end + 1 + LOOK_AHEAD]:
        if s.reason in ("end", "aside"):
            break
        if s.klass in (GOOD, NEAR) and s.reason not in ("double", "copy", "repeated"):
            lost.append(s)
        elif s is stop and _closing_sentence(s):
            lost.append(s)
    if not lost:
        return []
    # everything prose-like up to the next after-article marker went with it
    for s in scored[end + 1 + LOOK_AHEAD :]:
        if s.reason in ("end", "aside"):
            break
        if s.klass == GOOD:
            lost.append(s)
    chars = sum(len(s.text) for s in lost)
    if lost[0] is stop and len(lost) == 1:
        return [f"closing paragraph {quote(stop.text)} not kept (too short to tell from the "
                "page's chrome that follows it)"]
    why = f" ({stop.reason})" if stop.reason else ""
    return [f"article cut at {quote(stop.text)}{why}: {len(lost)} following paragraph(s), "
            f"{chars} characters, not kept, from {quote(lost[0].text)}"]


_TERMINAL = re.compile(r"[.!?。！？…][\"'”’»)]*$")


def _closing_sentence(s: Scored) -> bool:
    """A short paragraph that is one whole sentence (not a byline)."""
    return (s.klass in (SHORT, NEAR) and s.block.kind == "p" and s.words >= 4
            and bool(_TERMINAL.search(s.text)) and not BYLINE.search(s.text))


def absorb_short_tail(scored: list[Scored], end: int, limit: int = 2) -> int:
    """The region's end moved over short closing sentences ("Talks resume on Monday.") that
    stand between the article and the page's chrome: too short to count as prose on their
    own, they are still the article's last paragraphs."""
    j = end + 1
    while j < len(scored) and j <= end + limit:
        s = scored[j]
        if not _closing_sentence(s):
            break
        j += 1
    if j == end + 1:
        return end
    if j < len(scored):
        return end  # chrome follows: tail_cut names the sentences instead
    return j - 1

"""The last resort before a file's modification time: a full date named in the article text.

An article with no dateline, no "Published" label, no page metadata and no manifest date is
dated by the first full date in its standfirst or body (a dateline in a form the extractor
does not place, "Wien, 7. Juni 2022.", still names the day), with a warning saying so. When
there is none, `no_date_reason` says why, for the post's warnings, `inspect` and the report.
"""

from __future__ import annotations

import re
from datetime import date

from ..draft import Extracted
from .published import find_dates

LEAD_CHARS = 200  # a date this close to the start of the body reads as a dateline
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _texts(ex: Extracted) -> list[str]:
    return [t for t in (ex.summary, *ex.paragraphs) if t]


def date_in_text(ex: Extracted, today: date | None = None) -> tuple[str, str] | None:
    """(ISO date, where) of the first full date in the article's lead, else its text."""
    texts = _texts(ex)
    if ex.paragraphs:
        found = find_dates(ex.paragraphs[0][:LEAD_CHARS], today)
        if found:
            return found[0].iso, "the opening of the body"
    for text in texts:
        found = find_dates(text, today)
        if found:
            return found[0].iso, "the article text"
    return None


def no_date_reason(ex: Extracted, today: date | None = None) -> str:
    """Why no publication date was found (the article has none of the usual places)."""
    today = today or date.today()
    text = "\n".join(_texts(ex))
    future = [d for d in find_dates(text, date(9999, 12, 31)) if d.iso > today.isoformat()]
    parts = ["no dateline, 'Published' label, page metadata or manifest date"]
    if future:
        parts.append(f"the only full dates in the text are after today ({future[0].iso})")
    elif _YEAR.search(text):
        parts.append("the text names years or months but no full date")
    else:
        parts.append("the text names no date at all")
    return "; ".join(parts)


def date_from_text(ex: Extracted, today: date | None = None) -> None:
    """Fill `ex.published` from the text when nothing better was found; say what happened."""
    if ex.published:
        return
    if ex.published_ago:
        ex.warnings.append(f"no full date: the file gives only {ex.published_ago!r}; dated by "
                           "the file's modification time less that")
        return
    hit = date_in_text(ex, today)
    if hit:
        ex.published, ex.published_source = hit[0], "text-body"
        ex.warnings.append(
            f"no dateline or published date; dated {hit[0]} by the first full date in {hit[1]}"
        )
        return
    ex.warnings.append(
        f"no date found: {no_date_reason(ex, today)}; dated by the file's modification time"
    )

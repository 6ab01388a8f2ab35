"""Bylines are the article's authors, not people the article is about.

The tagger reads the credit line too (agencies named there are worth tagging), so reporters
and editors named only in the byline or the credits would become person pages and appear as
"often mentioned with" a country. `drop_authors` removes every person whose name does not
occur in the headline, standfirst or body; `author_names` splits a byline into names (for
feeds' `<author>` and JSON-LD `author`).
"""

from __future__ import annotations

import re

from .draft import Extracted, Tags

_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b|\bو\b)\s*")


def author_names(byline: str) -> list[str]:
    """Names in a byline ("Jane Doe and John Roe" -> ["Jane Doe", "John Roe"])."""
    return [n for n in (p.strip() for p in _SPLIT.split(byline or "")) if len(n) >= 2]


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else name


def drop_authors(tags: Tags, ex: Extracted) -> None:
    """Keep only persons the article text itself names (authors and credited colleagues
    named nowhere else are not what the article is about)."""
    text = "\n".join([ex.title, ex.summary, *ex.paragraphs]).casefold()
    tags.persons = [
        p for p in tags.persons
        if p.casefold() in text or _surname(p).casefold() in text
    ]

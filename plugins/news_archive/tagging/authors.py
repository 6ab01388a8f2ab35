"""Bylines are the article's authors, not people the article is about.

The extractor takes bylines out of the body and the tagger reads credit lines only for their
agencies and places, so reporters and editors do not become person pages or "often mentioned
with" a country. `drop_authors` is the last guard: a tagged person who is one of the byline's
names is dropped unless the article text names them too. `author_names` splits a byline into
names (for feeds' `<author>` and JSON-LD `author`).
"""

from __future__ import annotations

import re

from ..draft import Extracted, Tags

_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b|\bو\b)\s*")


def author_names(byline: str) -> list[str]:
    """Names in a byline ("Jane Doe and John Roe" -> ["Jane Doe", "John Roe"])."""
    return [n for n in (p.strip() for p in _SPLIT.split(byline or "")) if len(n) >= 2]


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else name


def drop_authors(tags: Tags, ex: Extracted) -> None:
    """Drop tagged persons who are the article's authors, unless its text names them."""
    authors = {n.casefold() for n in author_names(ex.byline)}
    if not authors:
        return
    surnames = {_surname(n) for n in authors}
    text = "\n".join([ex.title, ex.summary, *ex.paragraphs]).casefold()
    tags.persons = [
        p for p in tags.persons
        if not (p.casefold() in authors or _surname(p.casefold()) in surnames)
        or _surname(p.casefold()) in text
    ]

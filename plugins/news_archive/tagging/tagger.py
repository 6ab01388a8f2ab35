"""tag_text: countries, organizations, persons and mentioned dates of one article."""

from __future__ import annotations

from ..draft import Organization, Tags
from .countries import find_countries
from .dates import mentioned_dates
from .document import Doc
from .language import detect_language
from .multilingual import foreign_language, tag_multilingual
from .org_context import cue_discover
from .org_scorer import accept as accept_candidates
from .organizations import discover, find_organizations
from .persons import find_persons


def tag_text(text: str, title: str = "", published: str | None = None,
             lang: str | None = None) -> Tags:
    """Tag an article's clean text (and title) with entities and dates.

    `lang` is the article's ISO 639-1 code ("" unknown, None: detect it); text in a language
    other than English goes to the multilingual tagger (`multilingual.tag_multilingual`).

    Headlines are often in Title Case, where every word looks like part of a name, so the
    title contributes only what the gazetteers know (countries, listed organizations); the
    discovery rules run on the body.
    """
    full = f"{title}\n\n{text}" if title else text
    foreign = foreign_language(full, lang, detect_language)
    if foreign:
        tags = tag_multilingual(text, title, foreign)
        tags.dates_mentioned = mentioned_dates(full, published)
        return tags
    doc = Doc(text)
    orgs = find_organizations(doc)
    pieces = accept_candidates(doc, orgs, discover(doc, orgs, doc.chunks()))
    persons = find_persons(doc, pieces)
    cue_discover(doc, orgs, pieces)
    countries = find_countries(doc)
    if title.strip():
        head = Doc(title)
        for name, aliases in find_organizations(head).names.items():
            canon = orgs.add(name)
            for alias in aliases:
                orgs.add(canon, alias)
        countries += [c for c in find_countries(head) if c not in countries]
    return Tags(
        countries=countries,
        organizations=[Organization(n, a) for n, a in orgs.names.items()],
        persons=persons,
        dates_mentioned=mentioned_dates(full, published),
    )

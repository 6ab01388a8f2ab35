"""Tagging text in languages other than English.

`tag_text` hands an article here when its language is not English. The language (or, when it
is unknown, the script) chooses a family of tables (`script_families`, `foreign_gazetteer`):
country names from CLDR plus curated demonyms and capital metonyms, matched through each
family's endings; well-known organizations under their names in every language, so an
article's countries are the same ISO codes and its organizations the same canonical names
whatever its language. Organization cue words and person-name patterns per script come from
`foreign_orgs` and `foreign_persons`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..draft import Organization, Tags
from .foreign_gazetteer import Entry, Table, katakana, table
from .gazetteer import _lines
from .script_families import _APOSTROPHES, WORD_RE, family_for, text_script, word_list

_ASCII_WORD = re.compile(r"[a-z]+")
_EN_FUNCTION = frozenset(word_list("en_function"))
_EN_DISTINCT = frozenset(word_list("en_distinct"))
_LATIN_WORD_OR_END = re.compile(r"([A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f0-9'’-]*"
                                r"[A-Za-z\u00c0-\u024f0-9])?)|[.!?\n:;«\"“„—–。！？]")
_WORD_OR_END = re.compile(rf"({WORD_RE.pattern})|[.!?\n:;«\"“„—–]")
_ELISION = re.compile(rf"(?:{'|'.join(word_list('elision'))})['’](?=\w{{2}})",
                      re.IGNORECASE)
_HANGUL = (0xAC00, 0xD7AF)
_KO_PARTICLES = word_list("ko_particles")


def foreign_language(text: str, lang: str | None,
                     detect: Callable[[str], str] | None = None) -> str:
    """The language code the multilingual tagger should use, or "" for the English tagger.

    A known language other than English is kept; None means "not detected yet" (English
    is recognised cheaply, anything else goes through `detect`, the language identifier);
    an unknown language ("") in a non-Latin script is tagged by its script ("und").
    """
    if lang is None:
        if _looks_english(text) or detect is None:
            return "und" if detect is None and text_script(text) else ""
        lang = detect(text)
    if not lang:
        return "und" if text_script(text) else ""
    if lang == "en" or _looks_english(text):  # a detector's slip on an English text
        return ""
    return lang


def is_foreign(text: str, lang: str | None,
               detect: Callable[[str], str] | None = None) -> bool:
    """True when the article goes to the multilingual tagger (see `foreign_language`)."""
    return bool(foreign_language(text, lang, detect))


def _looks_english(text: str) -> bool:
    """Cheap pre-check: Latin letters and plenty of English function words."""
    sample = text[:1500]
    if text_script(sample):
        return False
    words = _ASCII_WORD.findall(sample.lower())
    if len(words) < 8 or sum(w in _EN_FUNCTION for w in words) < 0.10 * len(words):
        return False
    return len(_EN_DISTINCT.intersection(words)) >= 2


class Tok(NamedTuple):
    """A word of the text with its offsets and whether a sentence starts at it."""

    text: str
    start: int
    end: int
    initial: bool


def tokenize(text: str, pattern: re.Pattern | None = None) -> list[Tok]:
    """Words (letters, inner apostrophes) with sentence-initial flags."""
    out: list[Tok] = []
    initial = True
    for m in (pattern or _WORD_OR_END).finditer(text):
        word = m.group(1)
        if word is None:
            initial = True
            continue
        start = m.start()
        elided = _ELISION.match(word) if "'" in word or "’" in word else None
        if elided:  # French/Italian/Catalan "l'ONU", "dell'Italia": the article is its own word
            cut = elided.end()
            out.append(Tok(word[:cut], start, start + cut, initial))
            word, start, initial = word[cut:], start + cut, False
        out.append(Tok(word, start, m.end(), initial))
        initial = False
    return out


@dataclass(frozen=True)
class Hit:
    """A gazetteer phrase found at tokens [i, j)."""

    i: int
    j: int
    payload: tuple


def _fits(entry: Entry, toks: list[Tok], i: int, tab: Table) -> bool:
    n = len(entry.sets)
    if i + n > len(toks):
        return False
    tok = toks[i]
    if entry.exact:
        word = tok.text.translate(_APOSTROPHES)
        k = word.find("'")
        word = word[:k] if k > 0 and len(word) - k <= 5 else word
        return word == entry.exact or (len(word) >= 3 and word == entry.exact.capitalize())
    if entry.cap and not tok.text[:1].isupper():
        return False
    if entry.weak and (tok.initial or not tok.text[:1].isupper()):
        return False
    keys = tab.family.loose_keys
    return all(entry.sets[k] & keys(toks[i + k].text) for k in range(1, n))


def find_phrases(toks: list[Tok], tab: Table) -> list[Hit]:
    """Longest gazetteer phrases, left to right, not overlapping."""
    hits: list[Hit] = []
    starts = tab.starts
    i = 0
    while i < len(toks):
        best: Entry | None = None
        for entry in starts(toks[i].text):
            if _fits(entry, toks, i, tab):
                best = entry
                break
        if best is None:
            i += 1
            continue
        hits.append(Hit(i, i + len(best.sets), best.payload))
        i += len(best.sets)
    return hits


def find_cjk(text: str, tab: Table) -> list[tuple[int, int, tuple]]:
    """Country and organization forms in unspaced scripts, longest first at each position,
    with boundary checks for katakana (no katakana on either side) and Hangul (no Hangul
    before; after it only a particle)."""
    forms, lengths = tab.cjk_forms, tab.cjk_lengths
    out = []
    i, n = 0, len(text)
    while i < n:
        sizes = lengths.get(text[i])
        if not sizes:
            i += 1
            continue
        for k in sizes:
            payload = forms.get(text[i:i + k]) if i + k <= n else None
            if payload is not None and _cjk_boundaries(text, i, i + k):
                out.append((i, i + k, payload))
                i += k
                break
        else:
            i += 1
    return out


def _cjk_boundaries(text: str, a: int, b: int) -> bool:
    form = text[a:b]
    before = text[a - 1] if a else " "
    after = text[b] if b < len(text) else " "
    if katakana(form) and (_is_kana(before) or _is_kana(after)):
        return False
    return not (_is_hangul(form[0]) and (_is_hangul(before) or (
        _is_hangul(after) and not text.startswith(_KO_PARTICLES, b))))


def _is_kana(c: str) -> bool:
    return "\u30a0" <= c <= "\u30ff"


def _is_hangul(c: str) -> bool:
    return _HANGUL[0] <= ord(c) <= _HANGUL[1]


@lru_cache(maxsize=1)
def locative_words() -> dict[str, frozenset[str]]:
    """Prepositions per family before which a capital only names a place."""
    out = {}
    for ln in _lines("multilingual/locative_words.tsv"):
        family, words = ln.split("\t")
        out[family] = frozenset(words.split("|"))
    return out


def _capitals_as_places(toks: list[Tok], hits: list[Hit], family: str) -> set[int]:
    """Token indices of capitals right after a locative preposition ("в Москве", "bolsa de
    Londres"): a place, not the government acting, so no country reference of its own."""
    preps = locative_words().get(family)
    if not preps:
        return set()
    return {h.i for h in hits if h.payload[0] == "country" and h.payload[2] == "cap"
            and h.i > 0 and toks[h.i - 1].text.lower() in preps}


def tag_multilingual(text: str, title: str = "", lang: str | None = None) -> Tags:
    """Countries, organizations and persons of a non-English article (dates are added by
    `tag_text`, the same way for every language)."""
    from .foreign_orgs import find_organizations
    from .foreign_persons import find_persons

    full = f"{title}\n\n{text}" if title else text
    fam = family_for(lang, full)
    countries: dict[str, None] = {}
    orgs: dict[str, list[str]] = {}
    persons: list[str] = []
    if fam is not None:
        tab = table(fam.name)
        # in unspaced scripts only Latin words (acronyms, names) are worth tokenizing
        toks = tokenize(full, _LATIN_WORD_OR_END if fam.name == "cjk" else _WORD_OR_END)
        if fam.name == "cjk":
            found = [(payload, full[a:b]) for a, b, payload in find_cjk(full, tab)]
            hits = []
        else:
            hits = find_phrases(toks, tab)
            found = [(h.payload, full[toks[h.i].start:toks[h.j - 1].end]) for h in hits]
        claimed: set[int] = set()
        persons = find_persons(full, toks, hits, fam, claimed)
        claimed |= _capitals_as_places(toks, hits, fam.name)
        if claimed:
            hits = [h for h in hits if h.i not in claimed]
            found = [(h.payload, full[toks[h.i].start:toks[h.j - 1].end]) for h in hits]
        for payload, surface in found:
            if payload[0] == "country":
                countries[payload[1]] = None
            else:
                aliases = orgs.setdefault(payload[1], [])
                if surface != payload[1] and surface not in aliases:
                    aliases.append(surface)
        known = {surface for _, surface in found} | set(orgs)
        named = [n for n in find_organizations(full, toks, hits, fam) if n not in known]
        for name in named:
            orgs.setdefault(name, [])
        for listed in _inside_longer_names(full, orgs, named):
            del orgs[listed]
    return Tags(
        countries=list(countries),
        organizations=[Organization(n, a) for n, a in orgs.items()],
        persons=persons,
    )


def _inside_longer_names(text: str, orgs: dict[str, list[str]], named: list[str]) -> list[str]:
    """Listed organizations that the text names only inside a longer organization's name
    found by its form ("Avrupa Birliği" of "Avrupa Birliği Komisyonu"): the longer name is
    the one meant, as the longest match wins elsewhere. (English list names inside such a
    name, "Anadolu" of "Anadolu Ajansı", are left out where they are found,
    `foreign_orgs._known_english`.)"""
    if not named:
        return []
    spans = [m.span() for n in named for m in _mentions(text, n)]
    inside = []
    for name, aliases in orgs.items():
        if name in named:
            continue
        mentions = [m.span() for form in {name, *aliases} for m in _mentions(text, form)]
        if mentions and all(any(a <= i and j <= b and (i, j) != (a, b) for a, b in spans)
                            for i, j in mentions):
            inside.append(name)
    return inside


def _mentions(text: str, form: str) -> Iterator[re.Match[str]]:
    """Where `form` stands in `text` as whole words."""
    return re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text)

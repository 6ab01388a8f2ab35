"""Organizations in non-English text beyond the gazetteer: cue words, quoted names, legal
forms, Latin-script acronyms inside other scripts, and the English list of known organizations.

Cue words per family live in data/multilingual/org_cues.tsv (see its header for the kinds).
"""

from __future__ import annotations

import re
from functools import cache

from .gazetteer import _lines, load
from .script_families import Family, word_list

# a word of ASCII letters and digits not run on by other Latin letters ("Armées" gives none,
# not "Arm"); next to other scripts it stands alone ("Amazonで")
_LATIN = "A-Za-z0-9\u00c0-\u024f"
_LATIN_TOKEN = re.compile(rf"(?<![{_LATIN}])"
                          r"(?:(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:[&.-][A-Za-z0-9]+)*)"
                          rf"(?![{_LATIN}])")
_CONNECT = frozenset(word_list("org_connectors"))
_AND = frozenset(word_list("org_and"))  # "Ministério da Saúde e ..." ends the name
_LOWER_HEADS = frozenset(word_list("org_lower_heads"))  # "le ministère de l'Économie"
_GENITIVE_END = word_list("genitive_endings")
_GENITIVE_WORDS = frozenset(word_list("genitive_words"))
_QUOTES = {"«": "»", "„": "“", "\"": "\"", "“": "”"}
_NOT_ACRONYM = frozenset(word_list("not_acronym"))
MAX_TAIL = 4


@cache
def cue_words(family: str) -> dict[str, tuple[str, ...]]:
    """{kind: cue words as written} of one family in data/multilingual/org_cues.tsv."""
    out: dict[str, tuple[str, ...]] = {}
    for ln in _lines("multilingual/org_cues.tsv"):
        name, kind, words = ln.split("\t")
        if name == family:
            out[kind] = out.get(kind, ()) + tuple(filter(None, words.split("|")))
    return out


@cache
def cues(family: str) -> dict[str, dict[str, str]]:
    """{kind: {normalised cue word: cue as written}} for one family."""
    from .script_families import families

    fam = families()[family]
    out: dict[str, dict[str, str]] = {}
    for kind, words in cue_words(family).items():
        table = out.setdefault(kind, {})
        for w in words:
            first = w.split()[0]
            if kind in ("suffix", "quote"):
                table.setdefault(first, first)
            else:
                for key in fam.keys(first):
                    table.setdefault(key, first)
    return out


def _cue_lemma(fam: Family, word: str, table: dict[str, str]) -> str | None:
    for k in fam.keys(word):
        if k in table:
            return table[k]
    return None


def _covered(hits) -> set[int]:
    out: set[int] = set()
    for h in hits:
        out.update(range(h.i, h.j))
    return out


def find_organizations(text: str, toks, hits, fam: Family) -> list[str]:
    """Organization names found by the family's rules, in order of appearance."""
    found: dict[str, None] = {}
    covered = _covered(hits)
    table = cues(fam.name)
    if fam.name == "cyrl":
        _cyrillic_heads(toks, covered, fam, table.get("head", {}), found)
    elif fam.name == "arab":
        _arabic_heads(toks, covered, fam, table.get("head", {}), found)
    elif fam.name == "turkic":
        _tails(toks, covered, fam, table.get("tail", {}), found)
    if "head" in table and fam.cased and fam.name != "cyrl":
        _latin_heads(text, toks, covered, fam, table["head"], found)
    if fam.name in LATIN_FAMILIES:  # "Toei Animation", an English company name
        _english_names(toks, covered, _stops(fam.name), found)
    _quoted(text, toks, table.get("quote", {}), found)
    _legal_forms(text, toks, table.get("suffix", {}), found, _stops(fam.name))
    _known_english(text, found, title_acronyms=fam.name == "romance")
    if fam.name in ("cyrl", "arab", "cjk", "greek", "hebrew", "armenian", "georgian"):
        _latin_acronyms(toks, found)
    return list(found)


# Latin-script families whose text names foreign companies by their English names (not the
# Germanic ones: they capitalise their nouns, and borrow "Games" and "Studios" as nouns)
LATIN_FAMILIES = ("romance", "slavic_latn", "malay")


@cache
def _english_tails() -> frozenset[str]:
    """English company nouns that end a name in other Latin-script languages' text
    (`english_tail` of the English org_cues.tsv)."""
    from .org_candidates import cues as english_cues

    return english_cues()["english_tail"]


def _english_names(toks, covered, stops: frozenset[str], found) -> None:
    """"prodotta da Toei Animation": capitalised words, none of them a word of the text's
    language, before an English company noun."""
    tails = _english_tails()
    for i, t in enumerate(toks):
        if i in covered or t.text not in tails:
            continue
        k = i
        while (k > 0 and i - k < MAX_TAIL and toks[k - 1].text[:1].isupper()
               and toks[k - 1].text.lower() not in stops and k - 1 not in covered):
            k -= 1
        if k < i:
            found[" ".join(x.text for x in toks[k:i + 1])] = None


def _stops(family: str) -> frozenset[str]:
    from .foreign_persons import stop_words

    return stop_words(family)


def _latin_heads(text, toks, covered, fam, heads, found) -> None:
    """"Secretaria de Saúde": a capitalised cue, then capitalised words and connectors. A
    ministry written in lower case, as French and Italian running text writes it ("le
    ministère de l'Économie", "il ministero della Salute"), counts when a connector and a
    capitalised field follow; its name is given with a capital, as where it stands alone."""
    i = 0
    while i < len(toks):
        t = toks[i]
        cased = t.text[:1].isupper() or (t.text.lower() in _LOWER_HEADS and i + 1 < len(toks)
                                         and toks[i + 1].text.lower() in _CONNECT)
        if i in covered or not cased or fam.norm(t.text) not in heads:
            i += 1
            continue
        j, last = i + 1, None
        while j < len(toks) and j - i <= 7 and _adjacent(text, toks[j - 1], toks[j]):
            w = toks[j].text
            if w[:1].isupper():
                last = j
            elif w.lower() not in _CONNECT or (w.lower() in _AND
                                               and not _joins_field(text, toks, i, j, fam,
                                                                    heads)):
                break
            j += 1
        if last is not None:
            name = text[t.start:toks[last].end]
            found[name[:1].upper() + name[1:]] = None
            i = last + 1
        else:
            i += 1


def _joins_field(text: str, toks, i: int, j: int, fam: Family, heads) -> bool:
    """True when the conjunction at j joins a second field to the name that the head word at
    i opens with a connector ("Bundesministerium für Wirtschaft und Klimaschutz", "Ministerio
    de Industria y Comercio"): a capitalised word follows it that is no head word of another
    body ("... y Secretaría de ..."), acronym or listed organization, and no given name
    ("... y María López")."""
    if j + 1 >= len(toks) or not _adjacent(text, toks[j], toks[j + 1]):
        return False
    if not any(toks[k].text.lower() in _CONNECT and toks[k].text.lower() not in _AND
               for k in range(i + 1, j)):
        return False  # "Deutsche Bank und ...": no field named after a connector
    nxt = toks[j + 1].text
    if not nxt[:1].isupper() or nxt.isupper() or fam.norm(nxt) in heads:
        return False  # ("... y UNICEF"): an acronym names another body
    from .foreign_persons import latin_given_extra

    data = load()
    listed = data.index.entries.get((nxt,), ())
    if any(p[0] == "org" for p in listed):
        return False  # "... and Reuters": a listed organization
    return nxt not in data.given_names and nxt not in latin_given_extra()


def _adjacent(text: str, a, b) -> bool:
    """Only spaces (or an apostrophe/hyphen) between two words: no punctuation break."""
    gap = text[a.end:b.start]
    return gap.strip(" '’-") == "" and "\n" not in gap


def _cyrillic_heads(toks, covered, fam, heads, found) -> None:
    """"Министерства иностранных дел России": the cue in its dictionary form, then
    lower-case genitive words, then an optional capitalised name (country, acronym)."""
    for i, t in enumerate(toks):
        if i in covered or not t.text[:1].isupper():
            continue
        lemma = _cue_lemma(fam, t.text, heads)
        if lemma is None:
            continue
        words, j = [lemma], i + 1
        while j < len(toks) and len(words) <= MAX_TAIL and not toks[j].initial:
            w = toks[j].text
            if w[:1].islower() and (w in _GENITIVE_WORDS or w.endswith(_GENITIVE_END)):
                words.append(w)
                j += 1
                continue
            if w[:1].isupper() and j in covered and len(words) > 1:
                words.append(w)
            break
        if len(words) > 1:
            found[" ".join(words)] = None


def _arabic_heads(toks, covered, fam, heads, found) -> None:
    """"وزارت امور خارجه": the cue and up to two following words (no stop words, verbs)."""
    from .foreign_persons import stop_words

    stops = stop_words("arab") | set(cues("arab").get("stop", {}))
    for i, t in enumerate(toks):
        if i in covered or fam.norm(t.text) not in heads:
            continue
        words, j = [t.text], i + 1
        while j < len(toks) and len(words) < 3 and not toks[j].initial:
            w = toks[j].text
            if fam.norm(w) in stops or fam.norm(w) in heads:
                break
            words.append(w)
            j += 1
        if len(words) >= 2:
            found[" ".join(words)] = None


def _tails(toks, covered, fam, tails, found) -> None:
    """"Dışişleri Bakanlığı": capitalised words ending in a cue (apostrophe suffix cut)."""
    for i, t in enumerate(toks):
        word = t.text.split("'")[0].split("’")[0]
        if i in covered or word not in tails.values():
            continue
        k = i
        while k > 0 and toks[k - 1].text[:1].isupper() and not toks[k].initial and i - k < 5:
            k -= 1
        if k < i:
            found[" ".join([*(x.text for x in toks[k:i]), word])] = None


def _quoted(text, toks, quote_cues, found) -> None:
    """компания «Газпром» -> Газпром: a cue noun right before a quoted name."""
    if not quote_cues:
        return
    for t in toks:
        if t.text not in quote_cues and t.text.lower() not in quote_cues:
            continue
        rest = text[t.end:t.end + 80].lstrip(" ")
        close = _QUOTES.get(rest[:1])
        if not close:
            continue
        end = rest.find(close, 1)
        name = rest[1:end].strip() if end > 1 else ""
        if name and name[:1].isupper() and len(name.split()) <= 5:
            found[name] = None


def _legal_forms(text, toks, suffixes, found, stops=frozenset()) -> None:
    """"Toei Animation GmbH": capitalised words right before a legal-form word."""
    if not suffixes:
        return
    for i, t in enumerate(toks):
        if t.text not in suffixes or i == 0:
            continue
        k = i
        while (k > 0 and toks[k - 1].text[:1].isupper() and i - k < 4 and not toks[k].initial
               and toks[k - 1].text.lower() not in stops):
            k -= 1
        if k < i:
            found[text[toks[k].start:toks[i - 1].end]] = None


def _known_english(text: str, found, title_acronyms: bool = False) -> None:
    """Organizations of the English list written in Latin script inside the text (Netflix,
    Reuters), matched exactly. Names that are also English words ("Apple") count too: in
    a text in another language they are the organization's name."""
    data = load()
    idx = data.index
    tokens = list(_LATIN_TOKEN.finditer(text))
    words = [m.group() for m in tokens]
    # names the family's rules found ("Anadolu Ajansı"): a listed name inside one of them
    # ("Anadolu") is part of that name, not a mention of its own
    named = [m.span() for name in found
             for m in re.finditer(re.escape(name), text, re.IGNORECASE)]
    i = 0
    while i < len(words):
        hit = idx.longest(words, i)
        w = words[i]
        if not hit and title_acronyms and len(w) >= 3 and w[0].isupper() and w[1:].islower():
            # "Unhcr", "Nato": acronyms as Italian and Spanish newspapers write them
            acronym = idx.entries.get((w.upper(),))
            hit = (1, acronym) if acronym else None
        if not hit:
            i += 1
            continue
        n, payloads = hit
        a, b = tokens[i].start(), tokens[i + n - 1].end()
        if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in named):
            for p in payloads:
                if p[0] == "org" and p[3] != "team":
                    found.setdefault(p[1], None)
                    break
        i += n


def _latin_acronyms(toks, found) -> None:
    """"MBC", "SBS" in Cyrillic or Arabic-script text: Latin capitals that are no common
    abbreviation are organization names."""
    for t in toks:
        w = t.text
        if (2 <= len(w) <= 6 and w.isascii() and w.isupper() and w.isalpha()
                and w not in _NOT_ACRONYM):
            found.setdefault(w, None)


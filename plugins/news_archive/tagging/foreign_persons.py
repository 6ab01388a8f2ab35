"""Persons in non-English text: given name + surname patterns per script.

- Latin script (any language, also Latin names inside other scripts): a known given name
  (the English tagger's list) followed by one or two capitalised words that are not function
  words of the article's language (justext's stop lists, shipped with trafilatura).
- Cyrillic: a known given name (data/multilingual/given_names_cyrl.txt, matched through the
  family's endings) or a mid-sentence capitalised word, followed by a capitalised surname;
  inflected names are put back in the nominative ("Джонни Деппа" -> "Джонни Депп",
  "Полины Поризковой" -> "Полина Поризкова").
- Korean: a three-syllable name with a common family-name syllable right before a title
  ("박생강 작가"), then every mention of that name.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .arabic_names import find_arabic_persons
from .cyrillic_names import (
    INITIALS_FIRST,
    INITIALS_LAST,
    given_lemma,
    is_female_given,
    patronymic,
    surname_nominative,
)
from .gazetteer import _lines, load
from .latin_slavic_names import given_lemma as slavic_given_lemma
from .latin_slavic_names import surname_nominative as slavic_surname
from .script_families import Family, families, word_list

_STOPLISTS = frozenset(("cyrl", "arab", "turkic", "germanic", "romance", "slavic_latn",
                         "malay"))  # families with justext stop lists (word_lists.tsv)
_PARTICLES = frozenset(word_list("name_particles"))
_SURNAME_END = word_list("surname_endings")
_APOSTROPHE_SUFFIX = re.compile(r"['’][a-zçğıöşüəñ]{1,6}$")


@lru_cache(maxsize=1)
def korean_cues() -> tuple[frozenset[str], re.Pattern, re.Pattern, str]:
    """Family-name syllables, the title pattern, the particle pattern and the syllables a
    name never ends in (from data/multilingual/korean_names.tsv)."""
    rows = dict(ln.split("\t") for ln in _lines("multilingual/korean_names.tsv"))
    titles = rows["titles"]
    title_re = re.compile(rf"(?<![가-힣])([가-힣]{{3}})\s?(?:{titles})"
                          rf"|(?:{titles})\s([가-힣]{{3}})(?![가-힣]{{2}})")
    particle_re = re.compile(
        r"(?<![가-힣])([가-힣]{3})(?:은|는|이|가|의|을|를|와|과|에게|도|만)(?![가-힣])")
    return (frozenset(rows["surnames"].split("|")), title_re, particle_re,
            rows["not_final"].replace("|", ""))


@cache
def stop_words(family: str) -> frozenset[str]:
    """Lower-cased function words of the family's languages (justext stop lists)."""
    try:
        import justext
    except ImportError:  # pragma: no cover - justext comes with trafilatura
        return frozenset()
    fam = families()[family]
    out: set[str] = set()
    names = word_list(f"justext_{family}") if family in _STOPLISTS else ()
    for name in names:
        try:
            out.update(fam.norm(w) for w in justext.get_stoplist(name))
        except (ValueError, KeyError, OSError):
            continue
    return frozenset(out)


@lru_cache(maxsize=1)
def cyrillic_given_names() -> dict[str, str]:
    """Normalised key -> nominative for every Cyrillic given name (and its stems)."""
    fam = families()["cyrl"]
    out: dict[str, str] = {}
    for name in _lines("multilingual/given_names_cyrl.txt"):
        for k in fam.keys(name):
            out.setdefault(k, name)
    return out


def _covered(hits) -> set[int]:
    out: set[int] = set()
    for h in hits:
        out.update(range(h.i, h.j))
    return out


@lru_cache(maxsize=1)
def person_titles() -> dict[str, frozenset[str]]:
    """Title words per family (data/multilingual/person_titles.tsv), lower-case."""
    out = {}
    for ln in _lines("multilingual/person_titles.tsv"):
        family, words = ln.split("\t")
        out[family] = frozenset(words.split("|"))
    return out


def _titled(text, toks, covered, fam, found) -> None:
    """"o ministro João Silva", "актриса Анджелина Джоли": a title word in its dictionary
    form, then exactly two capitalised words (not stop words, not gazetteer names)."""
    titles = person_titles().get(fam.name)
    if not titles:
        return
    at = [i for i in range(len(toks) - 2) if toks[i].text.lower() in titles]
    if not at:
        return
    stops = stop_words(fam.name) if fam.name in _STOPLISTS else frozenset()
    if stops:  # frequent words never written in lower case here may be names ("Luis")
        stops = stops & {t.text.lower() for t in toks if t.text.islower() or len(t.text) < 3}
    for i in at:
        a = toks[i + 1]
        k = i + 2  # particles between the given name and the surname: "Chiara De Luca"
        while (k < len(toks) - 1 and toks[k].text.lower() in _PARTICLES
               and _same_phrase(text, toks[k - 1], toks[k])):
            k += 1
        b = toks[k]
        if (i + 1 in covered or k in covered or not _same_phrase(text, toks[i], a)
                or not _same_phrase(text, toks[k - 1], b) or not _any_cap(a.text)
                or not _any_cap(b.text) or a.text.isupper() or b.text.isupper()
                or a.text.lower() in stops or b.text.lower() in stops):
            continue
        # a particle and a capitalised word after the surname belong to it: "García del Valle"
        while True:  # "Ruiz de la Fuente"
            m = k + 1
            while (m < len(toks) - 1 and toks[m].text in _PARTICLES
                   and _same_phrase(text, toks[m - 1], toks[m])):
                m += 1
            if (m == k + 1 or m >= len(toks) or not _same_phrase(text, toks[m - 1], toks[m])
                    or not _any_cap(toks[m].text) or m in covered):
                break
            k = m
        b = toks[k]
        after = toks[k + 1] if k + 1 < len(toks) else None
        if after is not None and _same_phrase(text, b, after) and _any_cap(after.text):
            continue  # three or more capitalised words: more likely a title or an organization
        name = text[a.start:b.end]
        found.setdefault(_APOSTROPHE_SUFFIX.sub("", name) if fam.cut_apostrophe else name, None)


def _any_cap(word: str) -> bool:
    return word[:1].isupper()


def find_persons(text: str, toks, hits, fam: Family,
                 claimed: set[int] | None = None) -> list[str]:
    """Full names of persons, in order of first mention, one per person. A known given name
    followed by a word the gazetteer read as a country ("Наталья Герман") is a person: the
    word's token index is added to `claimed` so the caller can drop that country hit."""
    found: dict[str, None] = {}
    covered = _covered(hits)
    single = {h.i for h in hits if h.j - h.i == 1 and h.payload[0] == "country"}
    if fam.name == "cyrl":
        _cyrillic(text, toks, covered, single, fam, found,
                  claimed if claimed is not None else set())
        _initials(text, found)
        _lone_pair(text, toks, covered, found)
    if fam.name == "cjk":
        _korean(text, found)
    if fam.name == "arab":
        find_arabic_persons(text, toks, covered, fam, person_titles().get("arab", frozenset()),
                            stop_words("arab"), found)
    _latin(text, toks, covered, fam, found)
    _titled(text, toks, covered, fam, found)
    return _merge_variants(found)


def _merge_variants(found: dict[str, None]) -> list[str]:
    """One name per person: a name that another found name extends ("João Silva" inside
    "Luiz João Silva", "Сергей Морозов" inside "Сергей Иванович Морозов") is dropped in favour
    of the longer one, and initials ("В. П. Корнилов") fold into the full name they abbreviate
    ("Виктор Корнилов")."""
    names = list(found)
    return [n for n in names if not any(o != n and _extends(o, n) for o in names)]


def _extends(longer: str, name: str) -> bool:
    if longer.endswith(" " + name):
        return True
    a, b = longer.split(), name.split()
    if len(a) > len(b) and a[:len(b)] == b and a[len(b)] in _PARTICLES:
        return True  # "Carmen Ruiz" inside "Carmen Ruiz de la Fuente"
    if (len(a) == len(b) == 2 and a[0] == b[0] and a[1] != b[1] and len(a[1]) <= len(b[1])
            and _stem_shared(a[1], b[1])):
        return True  # "Andrzej Duda" and "Andrzej Dudzie": one surname in two cases
    if len(a) < 2 or len(b) < 2 or a[-1].replace("ё", "е") != b[-1].replace("ё", "е"):
        return False
    if len(a) > len(b) and a[0] == b[0]:
        return True
    initials = b[:-1]
    return (all(len(x) == 2 and x.endswith(".") for x in initials)
            and not all(len(x) == 2 and x.endswith(".") for x in a[:-1])
            and a[0][:1] == initials[0][:1])


def _is_latin_cap(word: str) -> bool:
    c = word[:1]
    return c.isupper() and (c.isascii() or "\u00c0" <= c <= "\u024f")


@lru_cache(maxsize=1)
def latin_given_extra() -> frozenset[str]:
    """Given names in Latin script that the English list lacks (Central Asian, Turkic...)."""
    return frozenset(_lines("multilingual/given_names_latin.txt"))


def _latin(text, toks, covered, fam, found) -> None:
    given = load().given_names
    extra = latin_given_extra()
    excluded = load().sets["stop_words"]
    stops = stop_words(fam.name) if fam.name in _STOPLISTS else frozenset()
    lower = _LowerWords(toks)
    declines = fam.name == "slavic_latn"
    i = 0
    while i < len(toks) - 1:
        t = toks[i]
        w = t.text
        lemma = w if w in given or w in extra else None
        if declines and _is_latin_cap(w) and not w.isupper() and i not in covered:
            lemma = slavic_given_lemma(w, given) or lemma  # "Donaldem" -> "Donald"
        # a given name that is also a frequent word of the Polish or Czech lists ("Jan",
        # "Marta") counts when the article never writes it in lower case
        if (i in covered or not _is_latin_cap(w) or lemma is None
                or w in excluded or w.isupper()
                or ((t.initial or len(w) < 4) and w.lower() in stops
                    and (not declines or w.lower() in lower))):
            i += 1
            continue
        parts, j = [w], i + 1
        if i > 0 and text[toks[i - 1].end:t.start] == "-" and _is_latin_cap(toks[i - 1].text):
            parts = [f"{toks[i - 1].text}-{w}"]  # "Marie-Claire", "Hans-Peter"
        while j < len(toks) and len(parts) < 5:
            x = toks[j].text
            if text[toks[j - 1].end:toks[j].start] == "-" and _is_latin_cap(x) and j not in covered:
                parts[-1] = f"{parts[-1]}-{x}"
                j += 1
                continue
            if not _same_phrase(text, toks[j - 1], toks[j]):
                break
            if x.lower() in _PARTICLES and j + 1 < len(toks):
                if len(parts) == 1 and toks[j + 1].text in given:
                    break  # "Foto von Moritz Bachmann": the name starts after the particle
                parts.append(x)
            elif (_is_latin_cap(x) and not x.isupper() and j not in covered
                  and x not in excluded and (x.lower() not in stops or (
                      len(x) >= 4 and x.lower() not in lower))):  # "Demir" in a stop list
                parts.append(x)
            else:
                break
            j += 1
        while parts and parts[-1].lower() in _PARTICLES:
            parts.pop()
        if len(parts) == 2 and lemma != w:  # an inflected Polish/Czech name
            parts = [lemma, slavic_surname(parts[1], lemma.endswith("a"))]
        if parts and fam.cut_apostrophe:  # "Yıldırım'ın" -> "Yıldırım" (Turkic case suffix)
            parts[-1] = _APOSTROPHE_SUFFIX.sub("", parts[-1])
        if len(parts) >= 2 and not _common_word_name(parts, text, lower):
            found[" ".join(parts)] = None
            i = j
        else:
            i += 1


class _LowerWords:
    """The words an article writes in lower case, collected on first use."""

    def __init__(self, toks) -> None:
        self.toks, self.words = toks, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = {t.text for t in self.toks if t.text.islower()}
        return word in self.words


def _common_word_name(parts: list[str], text: str, lower: _LowerWords) -> bool:
    """A "name" whose given name is also a common word of the article ("o amor" ... "Um Amor
    de Verdade", "la paz" ... "Paz Duradera") is a title or a slogan unless the text names
    it again or uses its last word alone."""
    first = parts[0].split("-")[0]
    if first.lower() not in lower:
        return False
    name = " ".join(parts)
    return text.count(name) < 2 and len(re.findall(rf"\b{re.escape(parts[-1])}\b", text)) < 2


def _same_phrase(text, a, b) -> bool:
    gap = text[a.end:b.start]
    return gap in (" ", "\u00a0")


def _cyrillic(text, toks, covered, single, fam, found, claimed) -> None:
    given = cyrillic_given_names()
    stops = stop_words("cyrl")
    words = {t.text for t in toks}
    i = 0
    while i < len(toks) - 1:
        a, b = toks[i], toks[i + 1]
        wa, wb = a.text, b.text
        if (i in covered or not _cyr_cap(wa) or not _cyr_cap(wb)
                or not _same_phrase(text, a, b) or fam.norm(wb) in stops):
            i += 1
            continue
        # the exact declension first, then the word itself before any of its stems
        lemma = given_lemma(wa) or next(
            (given[k] for k in sorted(fam.keys(wa), key=len, reverse=True) if k in given), None)
        if i + 1 in covered and (lemma is None or i + 1 not in single):
            i += 1
            continue
        if lemma is None and (a.initial or fam.norm(wa) in stops
                              or not fam.norm(wb).endswith(_SURNAME_END)):
            i += 1
            continue
        if i + 1 in covered:
            claimed.add(i + 1)
        first = lemma or wa
        k = i
        while k > 0 and text[toks[k - 1].end:toks[k].start] == "-" and _cyr_cap(toks[k - 1].text):
            k -= 1  # hyphenated given names: "Касым-Жомарт"
        if k < i:
            first = text[toks[k].start:a.start] + first
        patr = patronymic(wb) if lemma else None
        if patr and i + 2 < len(toks) and _cyr_cap(toks[i + 2].text) \
                and _same_phrase(text, b, toks[i + 2]) and i + 2 not in covered:
            wc = toks[i + 2].text  # "Сергея Ивановича Морозова": given, patronymic, surname
            surname = surname_nominative(wc, patr[1]) if patr[0] != wb else wc
            found[f"{first} {patr[0]} {surname}"] = None
            i += 3
            continue
        surname = surname_nominative(wb, is_female_given(first)) if wa != first else wb
        if surname == wb:
            surname = _nominative_surname(wb, wa, first)
        if surname == wb:
            surname = _bare_form_in_text(wb, words)
        found[f"{first} {surname}"] = None
        i += 2


_CYR_EXTRA_CAPS = "ЁІЇЄҚҒҮҰӨҺҶӢӮҲ"


def _cyr_cap(word: str) -> bool:
    return "А" <= word[:1] <= "Я" or word[:1] in _CYR_EXTRA_CAPS


def _nominative_surname(surname: str, given_surface: str, given_lemma: str) -> str:
    """Put a surname back in the nominative when the given name beside it is inflected."""
    if given_surface == given_lemma:
        return surname
    female = given_lemma.endswith(("а", "я")) and not given_lemma.endswith(("ья",))
    s = surname
    if female:
        for end, rep in (("ской", "ская"), ("цкой", "цкая"), ("скую", "ская"), ("овой", "ова"),
                         ("евой", "ева"), ("иной", "ина"), ("ову", "ова"), ("еву", "ева"),
                         ("ину", "ина")):
            if s.endswith(end):
                return s[: -len(end)] + rep
        return s
    for end, rep in (("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
                     ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"), ("ого", "ой"),
                     ("ым", ""), ("ом", ""), ("ем", ""), ("а", ""), ("у", ""), ("е", ""),
                     ("я", "й"), ("ю", "й")):
        if s.endswith(end) and len(s) - len(end) >= 3:
            return s[: -len(end)] + rep
    return s


def _bare_form_in_text(surname: str, words: set[str]) -> str:
    """An oblique surname ("Деппу") whose bare form also stands in the text ("Депп сказал")
    is put back in that form; without such evidence the surname is kept as written."""
    for end in ("ом", "ым", "ем", "ой", "а", "у", "е", "ю", "я"):
        stem = surname[: -len(end)]
        if surname.endswith(end) and len(stem) >= 3 and stem in words:
            return stem
    return surname


def _korean(text, found) -> None:
    surnames, title_re, particle_re, not_final = korean_cues()
    names = {m.group(1) or m.group(2) for m in title_re.finditer(text)}
    counts: dict[str, int] = {}
    for m in particle_re.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    names.update(n for n, c in counts.items() if c >= 2)
    # verb and adjective stems ("연기하-", "소화되-") and plurals are not names
    actors, characters = korean_roles(text)
    names = {n for n in names | actors if n[0] in surnames and n[-1] not in not_final}
    names -= characters - actors
    for m in re.finditer(r"(?<![가-힣])[가-힣]{3}", text):
        if m.group() in names:
            found.setdefault(m.group(), None)


@lru_cache(maxsize=1)
def _korean_role_patterns() -> tuple[re.Pattern, re.Pattern]:
    rows = dict(ln.split("\t") for ln in _lines("multilingual/korean_names.tsv"))
    role = re.compile(rf"(?<![가-힣])([가-힣]{{2,4}})(?:{rows['role_links']})\s?([가-힣]{{3}})"
                      r"(?=[^가-힣]|은|는|이|가|의|도|과|와|을|를)")
    work = re.compile(rf"[>》』」]\s?(?:{rows['work_links']})\s?([가-힣]{{2,4}})(?![가-힣]{{2}})")
    return role, work


def korean_roles(text: str) -> tuple[set[str], set[str]]:
    """Actors and the characters they play: "지은한을 연기한 남상미", "한강우 역의 김재원" name
    an actor (a person) after a character (not a person: fictional characters are not
    listed); a name right after a work's title ("<숨바꼭질>의 민채린") is a character."""
    role, work = _korean_role_patterns()
    actors: set[str] = set()
    characters: set[str] = set()
    for m in role.finditer(text):
        characters.add(m.group(1))
        actors.add(m.group(2))
    for m in work.finditer(text):
        name = m.group(1)
        characters.add(name if len(name) == 3 else name[:3])
    return actors, characters


def _stem_shared(a: str, b: str) -> bool:
    """Two forms of one inflected word: a common start of at least 3 letters that leaves at
    most 3 letters of each ("Duda"/"Dudzie", "Морозов"/"Морозовым")."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= 3 and len(a) - k <= 3 and len(b) - k <= 3


def _initials(text: str, found: dict[str, None]) -> None:
    """"В. П. Корнилов", "В.П. Корнилов" and "Корнилов В. П." as "В. П. Корнилов"; they fold
    into a full name with the same surname (`_merge_variants`)."""
    stops = stop_words("cyrl")
    words: set[str] | None = None
    for rx, order in ((INITIALS_FIRST, (0, 1, 2)), (INITIALS_LAST, (1, 2, 0))):
        for m in rx.finditer(text):
            x, y, surname = (m.group(k + 1) for k in order)
            if surname.lower() in stops or given_lemma(surname):
                continue
            words = words if words is not None else set(re.findall(r"\w+", text))
            found.setdefault(f"{x}. {y}. {_bare_form_in_text(surname, words)}", None)


_FEMALE_SURNAME = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")
_MALE_SURNAME = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")


def _lone_pair(text, toks, covered, found) -> None:
    """An article that calls one person by the given name in some sentences and by the surname
    in others ("Полины ... Поризкова сказала ... Полина позирует"): when exactly one given
    name and exactly one surname of the same gender stand alone, each at least twice, and
    neither is part of a name already found, they are one person."""
    stops = stop_words("cyrl")
    in_names = {w.replace("ё", "е") for n in found for w in n.split()}
    givens: dict[str, int] = {}
    surnames: dict[str, int] = {}
    caps = [("А" <= t.text[:1] <= "Я") or t.text[:1] in _CYR_EXTRA_CAPS for t in toks] + [False]
    for i, t in enumerate(toks):
        if not caps[i] or i in covered:
            continue
        if (i > 0 and caps[i - 1] and _same_phrase(text, toks[i - 1], t)) or (
                caps[i + 1] and _same_phrase(text, t, toks[i + 1])):
            continue  # part of a longer name, found (or rejected) by `_cyrillic`
        w = t.text
        if fam_norm(w) in stops:
            continue
        lemma = given_lemma(w)
        if lemma:
            givens[lemma] = givens.get(lemma, 0) + 1
        elif w.endswith(_FEMALE_SURNAME + _MALE_SURNAME) and len(w) >= 6:
            surnames[w] = surnames.get(w, 0) + 1
    givens = {g: c for g, c in givens.items() if c >= 2 and g not in in_names}
    surnames = {s: c for s, c in surnames.items() if c >= 2 and s not in in_names}
    if len(givens) != 1 or len(surnames) != 1:
        return
    (first,), (surname,) = givens, surnames
    if is_female_given(first) == surname.endswith(_FEMALE_SURNAME):
        found.setdefault(f"{first} {surname}", None)


def fam_norm(word: str) -> str:
    """A Cyrillic word as the stop lists hold it."""
    return families()["cyrl"].norm(word)

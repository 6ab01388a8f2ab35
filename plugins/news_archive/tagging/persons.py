"""Persons: capitalised name runs accepted by given-name, title or reporting-verb cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .document import Doc, is_cap
from .gazetteer import _lines, phrase_key

_POSS = ("'s", "’s")
# a romanised two-syllable given name, its second syllable in lower case ("Jae-myung")
_SYLLABLE_PAIR = re.compile(r"[A-Z][a-z]{1,3}-[a-z]{2,5}")
_APPOS = frozenset({"a", "an", "the", "his", "her", "its"})


def _country_like(doc: Doc, t: int) -> bool:
    s = doc.span_at.get(t)
    return s is not None and s.kind in ("country", "place", "idiom")


def _name_token(doc: Doc, t: int) -> bool:
    w = doc.words[t]
    kinds = _word_kinds(doc)
    kind = kinds.get(w)
    if kind is None:
        kind = kinds[w] = _word_kind(doc, w)
    if kind is True or kind is False:
        return kind
    if kind == ".":
        return t > 0 and len(doc.words[t - 1]) == 1
    if doc.owner[t]:
        return False
    if (len(w) == 1 and doc.next_word(t + 1) == "." and t > 0
            and doc.words[t - 1] in doc.data.given_names):
        return True  # a middle initial, even "A." or "I."
    if kind == "name":
        return True
    if kind == "stop":
        return (_surname_after_given(doc, t) or _given_after_title(doc, t)
                or _surname_before_syllables(doc, t))
    if kind == "given_after_surname":  # "Lee Jae-myung", "Tsai Ing-wen"
        return _surname_before_syllables(doc, t - 1)
    return False


def _surname_before_syllables(doc: Doc, t: int) -> bool:
    """A Korean or Chinese surname right before a hyphenated given name ("Park Ji-hoon")."""
    return (t >= 0 and doc.words[t] in person_cues("east_asian_surname") and not doc.owner[t]
            and _SYLLABLE_PAIR.fullmatch(doc.next_word(t + 1)) is not None)


def _name_tokens(doc: Doc, i: int, j: int) -> list[bool]:
    """`_name_token` of tokens [i, j), deciding from the word's kind where it can."""
    kinds, words, owner = _word_kinds(doc), doc.words, doc.owner
    out = []
    for t in range(i, j):
        kind = kinds.get(words[t])
        if kind is True:
            out.append(True)
        elif kind is False or kind == "no":
            out.append(False)
        elif kind == "name":
            out.append(not owner[t])
        else:
            out.append(_name_token(doc, t))
    return out


def _word_kinds(doc: Doc) -> dict[str, object]:
    """Per document: word -> `_word_kind` (filled on first need)."""
    cached = getattr(doc, "_person_word_kinds", None)
    if cached is None:
        cached = doc._person_word_kinds = {}
    return cached


def _word_kind(doc: Doc, w: str) -> object:
    """What `_name_token` can tell from the word alone: True (a particle or suffix), "."
    (an initial's dot, by position), False (never a name token), "name" (a name token unless
    owned), "stop" (a common or title word: a surname only after a given name), "no" (a
    capitalised word that is not a name token, but may be a middle initial)."""
    sets = doc.data.sets
    if w in sets["particles"] or w in sets["name_suffixes"]:
        return True
    if w == ".":
        return "."
    if w not in doc.capital:
        return False
    if "-" in w and w.rsplit("-", 1)[1][:1].islower() and len(w.rsplit("-", 1)[1]) > 2:
        # "NBA-leading", "Singer-guitarists"; but "Jae-myung", "Ing-wen": a romanised Korean
        # or Chinese given name, a name word after a surname (`_name_token`)
        return "given_after_surname" if _SYLLABLE_PAIR.fullmatch(w) else "no"
    if len(w) > 1 and w.isupper() and not (len(w) == 2 and w.isalpha()):
        return "no"  # acronyms (except initials like "CJ")
    if not (w in sets["stop_words"] or w in sets["months"] or w in sets["weekdays"]
            or w in sets["org_heads"] or w in sets["titles"] or w in sets["non_org_words"]):
        return "name"
    return "stop"


def _surname_after_given(doc: Doc, t: int) -> bool:
    """A surname that is also a common or title word, right after a given name in mid-sentence
    ('Chris Early', 'Kevin King', 'Danny Green'), and not followed by another name word (nor,
    for a title word, by any capitalised word)."""
    if t < 1 or doc.starts[t] or doc.owner[t - 1]:
        return False
    w, sets = doc.words[t], doc.data.sets
    if (w in sets["function_words"] or w in sets["months"] or w in sets["weekdays"]
            or w in sets["non_org_words"] or w in sets["org_heads"] or w in sets["venue_words"]
            or w in person_cues("not_surname")):
        return False
    prev = doc.words[t - 1]
    nxt = doc.next_word(t + 1)
    if w in sets["titles"] and nxt[:1].isupper() and nxt not in sets["name_suffixes"]:
        return False  # "New York Mayor Bill de Blasio": a title before the next name
    return (prev in doc.data.given_names and prev not in sets["stop_words"]
            and not (nxt[:1].isupper() and nxt not in sets["stop_words"]))


def _given_after_title(doc: Doc, t: int) -> bool:
    """A given name that is also a common word, right after a title and before another name
    word ("Mayor Bill de Blasio", "Senator Mark Warner"): the title says a name follows."""
    w, sets = doc.words[t], doc.data.sets
    if t < 1 or w not in doc.data.given_names:
        return False
    k = t - 1
    while k > 0 and doc.words[k] == ".":  # "Rep. Bill Foster"
        k -= 1
    prev = doc.words[k]
    # a person's title: a role noun ("Mayor", "Coach") or a short form ("Rep.", "Dr", "Mrs");
    # not the words of the titles list that also head an office's name ("Senate", "Center")
    personal = prev.lower() in sets["person_role_nouns"] or k < t - 1 or len(prev) <= 3
    if prev not in sets["titles"] or prev in sets["org_heads"] or not personal:
        return False
    nxt = doc.next_word(t + 1)
    return nxt in sets["particles"] or _word_kind(doc, nxt) == "name"


def _candidates(doc: Doc, i: int, j: int) -> list[tuple[int, int, bool]]:
    """Split a chunk into name runs; flag those directly preceded by a title."""
    out = []
    sets = doc.data.sets
    name = _name_tokens(doc, i, j)  # each token's verdict, once
    t = i
    while t < j:
        if not name[t - i] or doc.words[t] in sets["particles"]:
            t += 1
            continue
        s = t
        while t < j and name[t - i] and doc.words[t] not in _POSS:
            t += 1
        k = s - 1
        while k >= 0 and doc.words[k] == ".":
            k -= 1
        prev = doc.words[k] if k >= 0 else ""
        titled = prev in sets["titles"] or prev.lower() in sets["titles"]
        out.append((s, t, titled))
    return out


def _core(doc: Doc, s: int, e: int) -> list[str]:
    """Name tokens without trailing particles/dots."""
    words = doc.words
    while e > s and (words[e - 1] in doc.data.sets["particles"] or words[e - 1] == "."):
        e -= 1
    return [w for w in words[s:e]]


def _name_string(doc: Doc, s: int, e: int) -> str:
    while e > s and (doc.words[e - 1] in doc.data.sets["particles"]):
        e -= 1
    text = doc.surface(s, e)
    return " ".join(text.split())


@dataclass(frozen=True)
class _Cues:
    """What `find_persons` asks of every candidate, gathered once per document."""

    given: frozenset[str]
    sets: dict
    role_words: frozenset[str]
    speakers: set[str]
    not_surname: frozenset[str]
    named_after: frozenset[str]
    placey: set[int]  # token indices where a country, place or idiom span starts


def find_persons(doc: Doc, pieces: list[tuple[int, int]]) -> list[str]:
    """Full names (surname-only mentions are never emitted)."""
    sets = doc.data.sets
    cues = _Cues(doc.data.given_names, sets,
                 _role_words(sets["org_role_cues"], sets["person_role_nouns"]),
                 speakers_of(doc), person_cues("not_surname"), person_cues("named_after"),
                 {t for t, sp in doc.span_at.items() if sp.kind in ("country", "place", "idiom")})
    found: dict[str, None] = {}
    fictional: set[str] = set()
    for i, j in pieces:
        if j - i < 2:
            continue  # one token: never two name words
        for s, e, titled in _candidates(doc, i, j):
            s = _person_start(doc, s, e, titled, cues)
            if s < 0:
                continue
            for t in range(s, e):
                doc.owner[t] = "person"
            name = _name_string(doc, s, e)
            found[name] = None
            if _fictional(doc, s, e):
                fictional.add(name)
    for name in fictional:  # a character in one mention is a character in all of them
        del found[name]
    _famous(doc, found)
    return _dedupe(list(found))


def _person_start(doc: Doc, s: int, e: int, titled: bool, cues: _Cues) -> int:
    """Where the person's name [s, e) starts (past a country word before a full name), or -1
    when the candidate is no person's name: too few or too many name words, a place's or an
    event's name, the end of a longer name, or no cue that a person is meant."""
    if e - s < 2:
        return -1  # one token: never two name words
    core = _core(doc, s, e)
    particles = cues.sets["particles"]
    names = [w for w in core if w != "." and len(w) > 1
             and not (w.islower() and w in particles)]  # "Juan Carlos de la Cruz": three
    if len(names) < 2 or len(names) > 4:
        return -1
    while (e - s > 2 and _country_like(doc, s) and doc.span_at[s].j == s + 1
           and doc.words[s + 1] in cues.given and not doc.owner[s + 1]):
        s += 1  # "to Ukraine Kurt Volker": a country word before a full name
        core = _core(doc, s, e)
    if not cues.placey.isdisjoint(range(s, e)):
        first_country = s in cues.placey and doc.span_at[s].j == s + 1
        if not (first_country and doc.words[s] in cues.given
                and cues.placey.isdisjoint(range(s + 1, e))):
            return -1
    if core[-1] in cues.not_surname:
        return -1  # "Marin County", "Davis Cup": a place or an event
    after = doc.next_word(e)
    if after in cues.sets["venue_words"] or after in cues.sets["org_heads"]:
        return -1
    if after.lower() in cues.named_after:
        return -1  # "the Philip K. Dick Award", "Walter Reed hospital": named after
    before = doc.next_word(s - 1)
    if before == "at" and doc.next_word(s - 2) in cues.sets["org_role_cues"] and after not in (
            "'s", "’s"):
        return -1  # "an equity strategist at Miller Tabak": where one works, not a person
    if (before in ("and", "of", "&", "for") and is_cap(doc.next_word(s - 2))
            and core[0] not in cues.given and doc.owner[s - 2] != "person"):
        return -1  # "Ministry of Mining and Heavy Industry", "High Commissioner for
        # Human Rights": the end of a longer name
    return s if _person_cue(doc, s, e, core, titled, cues) else -1


def _person_cue(doc: Doc, s: int, e: int, core: list[str], titled: bool, cues: _Cues) -> bool:
    """A sign that [s, e) names a person: a given name first, a title, a reporting verb or
    a role around it, "according to" or another person and "and" before it, a last word
    that speaks alone elsewhere, a box score's count or an age after it, or a suffix such
    as "Jr." ending it."""
    sets = cues.sets
    after, after2 = doc.next_word(e), doc.next_word(e + 1)
    before = doc.next_word(s - 1)
    return (
        core[0] in cues.given
        or titled
        or after in sets["strong_report_verbs"]
        or (after == "," and (after2 in sets["strong_report_verbs"]
                              or after2 in ("who", "whose")
                              or after2 in sets["titles"]
                              or _appositive_role(doc, e + 1, cues.role_words)))
        or before in ("said", "says", "told", "by")
        or (before == "to" and doc.next_word(s - 2).lower() == "according")
        or (before == "and" and s >= 2 and doc.owner[s - 2] == "person")
        or (before.islower() and before in cues.role_words)
        or (before == "," and doc.next_word(s - 2).lower() in cues.role_words)
        or core[-1] in cues.speakers
        or (after.isdigit() and after2 in person_cues("stat"))  # "Jane Roe 18 points"
        or (after == "," and after2.isdigit() and len(after2) <= 3
            and doc.next_word(e + 2) in (",", ")"))  # "Jane Roe, 45, was arrested"
        or (core[-1] in ("Jr", "Sr") and sum(len(w) > 1 for w in core[:-1]) >= 2)
        # ("John Doe Jr.", not "Schedule IV", nor a wrapped line's "Doe Jr.")
    )


_CLAUSE_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "—", "–"})


def _fictional(doc: Doc, s: int, e: int) -> bool:
    """A character, not a person: 'who played X', 'the character X', 'X, played by Y',
    'X (voiced by Y)', 'X, the character ...'."""
    before = person_cues("fiction_before")
    window = doc.words[max(0, s - 3):s]
    cut = [k for k, w in enumerate(window) if w in _CLAUSE_BREAKS]
    if cut:  # "The band played. Mary Smith said so": another clause's words say nothing
        window = window[cut[-1] + 1:]
    if window[-1:] != ["by"] and any(w.lower() in before for w in window):
        return True  # ("played by X": X is the actor)
    after = [w.lower() for w in doc.words[e:e + 4]]
    if after[:1] in ([","], ["("]):
        after = after[1:]
    if len(after) >= 2 and after[0] in person_cues("fiction_by") and after[1] == "by":
        return True
    return len(after) >= 2 and after[0] in ("the", "a") and after[1] in before


_ROLES: dict[int, frozenset[str]] = {}


def _role_words(org_roles: frozenset[str], person_roles: frozenset[str]) -> frozenset[str]:
    """Role nouns of the lexicon and of data/person_cues.tsv (united once)."""
    key = id(org_roles)
    if key not in _ROLES:
        _ROLES[key] = org_roles | person_roles | person_cues("role")
    return _ROLES[key]


@lru_cache(maxsize=8)
def person_cues(kind: str) -> frozenset[str]:
    """Words of one kind from data/person_cues.tsv (role, not_surname, named_after,
    fiction_before, fiction_by, stat, east_asian_surname)."""
    out = set()
    for ln in _lines("person_cues.tsv"):
        k, word = ln.split("\t")[:2]
        if k == kind:
            out.add(word.strip())
    return frozenset(out)


def _appositive_role(doc: Doc, k: int, role_words: frozenset[str]) -> bool:
    """', the deputy leader' / ', a professor' / ', chief executive of': a role noun right
    after the name's comma (lower-case, without an article only when it comes first)."""
    if doc.words[k] not in _APPOS:
        w = doc.words[k]
        return w.islower() and w in role_words

    return any(w.lower() in role_words for w in doc.words[k + 1:k + 4])


def speakers_of(doc: Doc) -> set[str]:
    """`_speakers` of a document, computed once per document."""
    cached = getattr(doc, "_speakers_cache", None)
    if cached is None:
        cached = _speakers(doc)
        doc._speakers_cache = cached
    return cached


def _speakers(doc: Doc) -> set[str]:
    """Lone capitalised words used as a speaker elsewhere ("Volker said", "said Volker.")."""
    words, verbs = doc.words, doc.data.sets["strong_report_verbs"]
    n = len(words)
    out = set()
    for p in doc.positions(verbs | _SAID):  # only around the reporting verbs
        v = words[p]
        if v in verbs and p >= 2:  # "<prev> Volker said"
            w = words[p - 1]
            if w[:1].isupper() and w[1:].islower() and not is_cap(words[p - 2]):
                out.add(w)
        if v in _SAID and p + 2 < n and words[p + 2] == ".":  # "said Volker."
            w = words[p + 1]
            if w[:1].isupper() and w[1:].islower():
                out.add(w)
    return out


_SAID = frozenset({"said", "says"})


@lru_cache(maxsize=1)
def _people() -> tuple[dict, dict, dict]:
    """people.tsv -> (surname -> [(canonical, titles)], first word -> [(phrase, canonical)],
    normalised form -> canonical)."""
    surnames: dict[str, list[tuple[str, frozenset[str]]]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    forms: dict[str, str] = {}
    for ln in _lines("people.tsv"):
        name, aliases, titles = (ln.split("\t") + ["", ""])[:3]
        tset = frozenset(filter(None, titles.split("|")))
        all_forms = [name] + list(filter(None, aliases.split("|")))
        all_forms += [f.replace("'", "’") for f in all_forms if "'" in f]
        for form in all_forms:
            key = phrase_key(form)
            if len(key) == 1:
                surnames.setdefault(form, []).append((name, tset))
            else:
                phrases.setdefault(key[0], []).append((key, name))
                forms[" ".join(key)] = name
    for lst in phrases.values():
        lst.sort(key=lambda p: -len(p[0]))
    return surnames, phrases, forms


def names_a_person(doc: Doc, word: str) -> bool:
    """`word` is a given name, a listed person's surname or the last word of a person found
    in `doc` (after `find_persons`): alone, it most likely names that person."""
    if word in doc.data.given_names or word in _people()[0]:
        return True
    owner, words = doc.owner, doc.words
    return any(owner[t] == "person" and (t + 1 == len(words) or owner[t + 1] != "person")
               for t in doc.positions({word}))


@lru_cache(maxsize=1)
def _listed_words() -> frozenset[str]:
    """Words that start a listed person's full form or are a listed surname."""
    surnames, phrases, _forms = _people()
    return frozenset(surnames) | frozenset(phrases)


def _title_before(doc: Doc, t: int) -> str:
    k = t - 1
    while k >= 0 and doc.words[k] == ".":
        k -= 1
    return doc.words[k] if k >= 0 else ""


def _famous(doc: Doc, found: dict[str, None]) -> None:
    """Well-known people: listed full forms map to the canonical name; a surname alone
    resolves when it is unambiguous (or its title matches) and no other found person shares it."""
    surnames, phrases, forms = _people()
    words, sets = doc.words, doc.data.sets
    for n in list(found):
        canon = forms.get(" ".join(phrase_key(n)))
        if canon and canon != n:  # a listed variant ("Elizabeth II") -> the canonical name
            del found[n]
            found[canon] = None
    known = set(found)
    lasts = {n.split()[-1]: n for n in found}
    modifiers = sets["surname_modifier_nouns"]
    end = 0  # tokens before `end` are inside the last listed full form found
    listed = doc.words_set & _listed_words()
    for t in doc.positions(listed):
        if t < end:
            continue
        w = words[t]
        for key, canon in phrases.get(w, ()):
            if tuple(words[t:t + len(key)]) == key:
                if canon not in known:
                    found.setdefault(canon, None)
                end = t + len(key)
                break
        else:
            cands = surnames.get(w)
            if (cands and not doc.owner[t] and _lone(doc, t, sets)
                    and doc.next_word(t + 1) not in modifiers):
                title = _title_before(doc, t)
                if len(cands) > 1 or cands[0][1]:
                    cands = [c for c in cands if title in c[1]]
                other = lasts.get(w)
                if len(cands) == 1 and cands[0][0] not in known and (
                        other is None or other == cands[0][0]):
                    found.setdefault(cands[0][0], None)


def _lone(doc: Doc, t: int, sets: dict) -> bool:
    """A capitalised word not inside a longer name ('Trump said', not 'Ivanka Trump')."""
    prev, nxt = doc.next_word(t - 1), doc.next_word(t + 1)
    if is_cap(prev) and not doc.starts[t] and prev not in sets["titles"] and (
            prev not in sets["stop_words"] and prev not in sets["function_words"]):
        return False
    return not (is_cap(nxt) and nxt not in sets["stop_words"] and nxt not in _POSS)


def _dedupe(names: list[str]) -> list[str]:
    """Drop names contained in a longer found name ('Hunter Biden' kept, 'Biden' never here)."""
    out = []
    for n in names:
        if any(n != m and f" {n} " in f" {m} " for m in names):
            continue
        out.append(n)
    return out

"""Candidate organization spans that no list or rule claimed, with the cues around them.

Each candidate is a run of capitalised tokens left over after the known-name, acronym, credit
and head-word recognisers; its features describe its form (head noun, legal suffix, "of"-name,
acronym, casing, length, position) and its context (apposition, possessive with a role noun,
verbs and prepositions around it). `org_scorer` weighs them with a learned model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .document import Doc, is_cap
from .gazetteer import _lines
from .persons import _people, speakers_of

POSS = ("'s", "’s")
TRIM_END = frozenset({"of", "for", "on", "and", "&", "the", "in", "de", "la", "'s", "’s", "."})
TLDS = frozenset({"com", "net", "org", "io", "info", "co", "news", "tv", "ru", "uk", "am"})
QUOTES = frozenset({'"', "“", "‘", "'"})
DETERMINERS = frozenset({"a", "an", "the"})
_SPLIT_WORDS = frozenset({"in", "at", "on"})
# "shares of X", "a stake in X": what is held in a company (the "shares_of" cue)
HOLDING_WORDS = frozenset({"shares", "stock", "stake", "units", "subsidiary"})


def past_holding(words: list[str], s: int, e: int) -> int:
    """Where a name starts in [s, e) that opens with what is held in it ("Shares of Kestrel
    Mining fell", a sentence's first words): after "Shares of" / "Stake in", else s."""
    if s + 2 < e and words[s].lower() in HOLDING_WORDS and words[s + 1] in ("of", "in"):
        return s + 2
    return s
_APPOS_OPENERS = frozenset({",", "(", *POSS})  # after a sentence's first word
_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|La|Le|Van|Von)[A-Z][a-z]")


CUE_KINDS = ("head", "strong_head", "appos", "role", "verb", "person_verb", "prep",
             "strong_prep", "opener", "paper", "owned", "team_role", "result_verb")


@dataclass(frozen=True)
class Cues:
    """Cue word sets from data/org_cues.tsv and data/legal_forms.txt."""

    kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    legal: frozenset[str] = frozenset()
    head: frozenset[str] = field(init=False, default=frozenset())
    strong_head: frozenset[str] = field(init=False, default=frozenset())
    appos: frozenset[str] = field(init=False, default=frozenset())
    role: frozenset[str] = field(init=False, default=frozenset())
    verb: frozenset[str] = field(init=False, default=frozenset())
    person_verb: frozenset[str] = field(init=False, default=frozenset())
    prep: frozenset[str] = field(init=False, default=frozenset())
    strong_prep: frozenset[str] = field(init=False, default=frozenset())
    opener: frozenset[str] = field(init=False, default=frozenset())
    paper: frozenset[str] = field(init=False, default=frozenset())
    owned: frozenset[str] = field(init=False, default=frozenset())
    team_role: frozenset[str] = field(init=False, default=frozenset())
    result_verb: frozenset[str] = field(init=False, default=frozenset())
    appos_plural: frozenset[str] = field(init=False, default=frozenset())

    def __getitem__(self, kind: str) -> frozenset[str]:
        return self.kinds.get(kind, frozenset())

    def __post_init__(self) -> None:
        get = self.kinds.get
        for kind in CUE_KINDS:  # plain attributes for the hot paths
            object.__setattr__(self, kind, get(kind, frozenset()))
        # "companies Astrobotic, Draper and ...": the apposition nouns' plurals
        object.__setattr__(self, "appos_plural", frozenset(map(plural, self.appos)))


def plural(noun: str) -> str:
    """Regular English plural of a lower-case noun ('company' -> 'companies', 'firm' ->
    'firms', 'watchdog' -> 'watchdogs')."""
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Load the cue files once."""
    kinds: dict[str, set[str]] = {}
    for ln in _lines("org_cues.tsv"):
        kind, word = ln.split("\t")[:2]
        kinds.setdefault(kind, set()).add(word.strip())
    legal = frozenset(_lines("legal_forms.txt"))
    return Cues({k: frozenset(v) for k, v in kinds.items()}, legal)


def is_legal_form(word: str, legal: frozenset[str]) -> bool:
    """A capitalised token that is a company legal form ('Ltd', 'GmbH', 'S.A.', 'Oyj')."""
    return is_cap(word) and word.replace(".", "").casefold() in legal


@dataclass
class Candidate:
    """Tokens [i, j) of a document, their surface text and feature names."""

    i: int
    j: int
    text: str
    features: list[str]


def candidate_spans(doc: Doc, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of unclaimed capitalised tokens inside the leftover pieces, trimmed of function
    words at the start and connectors at the end, split at possessives."""
    words, owner, sets = doc.words, doc.owner, doc.data.sets
    skip_start = _skip_start(sets)
    out = []
    starts = doc.starts
    for i, j in pieces:
        if j - i == 1:  # most pieces: one word (the loop below, unrolled)
            w = words[i]
            if (owner[i] or w in POSS or w in skip_start or not w[0].isupper()
                    or (starts[i] and w.istitle() and doc.next_word(j) not in _APPOS_OPENERS
                        and not score_line(doc, i, j))
                    or not _single_cue(doc, i)):
                continue
            if _keep(doc, i, j):
                out.append((i, j))
            continue
        t = i
        while t < j:
            if owner[t] or words[t] in POSS:
                t += 1
                continue
            s = t
            while t < j and not owner[t] and words[t] not in POSS:
                t += 1
            if t - s == 1:  # the common case: one word
                w = words[s]
                if (w in skip_start or not w[0].isupper() or _hopeless(doc, s, t)
                        or not _single_cue(doc, s)):
                    continue
                if _keep(doc, s, t):
                    out.append((s, t))
                continue
            cuts = [k for k in range(s + 1, t - 1)
                    if words[k] in _SPLIT_WORDS and _splits_at(doc, k)]
            for a, e in zip([s, *(k + 1 for k in cuts)], [*cuts, t], strict=True):
                out += _trimmed(doc, a, e, skip_start)
    return out


def _trimmed(doc: Doc, s: int, e: int, skip_start: frozenset[str]) -> list[tuple[int, int]]:
    """[s, e) without function words and lower-case words in front, connectors at the end
    and '-based' words in front; split at 'and'; [] when nothing worth scoring is left."""
    words, suffixes = doc.words, doc.data.sets["company_suffixes"]
    openers = cues().opener
    while s < e and (not is_cap(words[s]) or words[s] in skip_start and not (
            words[s] in openers and s + 1 < e and is_cap(words[s + 1]))):
        s += 1  # a stop word goes, unless it opens a name ("Blue Origin", "National ...")
    s = past_holding(words, s, e)
    while e > s and words[e - 1] in TRIM_END and not (
            words[e - 1] == "." and e - 2 >= s and words[e - 2] in suffixes):
        e -= 1
    while s < e and "-" in words[s] and words[s].rsplit("-", 1)[1].islower():
        s += 1  # "Chicago-based", "Russian-backed"
    if s >= e:
        return []
    generic = doc.data.sets["org_generic_words"]
    if "and" in words[s:e]:
        generic = generic | _abstract_nouns(words, s, e)
    return [(a, b) for a, b in _split_and(words, s, e, generic) if _keep(doc, a, b)]


def _abstract_nouns(words: list[str], s: int, e: int) -> frozenset[str]:
    """Words of [s, e) that are abstract nouns (`is_abstract_noun`): common words of a
    body's name, as the generic words are, so 'Citizenship and Immigration Services' stays
    one name."""
    return frozenset(w for w in words[s:e] if is_abstract_noun(w))


def is_abstract_noun(word: str) -> bool:
    """A capitalised word of seven letters or more with an abstract noun's suffix
    ('Citizenship', 'Immigration', 'Enforcement'; org_cues 'abstract_suffix')."""
    return len(word) > 6 and word.istitle() and word.lower().endswith(_abstract_suffixes())


@lru_cache(maxsize=1)
def _abstract_suffixes() -> tuple[str, ...]:
    """The suffixes of org_cues 'abstract_suffix' (for str.endswith)."""
    return tuple(sorted(cues()["abstract_suffix"]))


def _splits_at(doc: Doc, k: int) -> bool:
    """'in' and 'at' never join a name's words here; 'on' does only after a head noun
    ("Council on Foreign Relations") and never before a date word."""
    w, sets = doc.words[k], doc.data.sets
    if w in ("in", "at"):
        return True
    if w != "on":
        return False
    nxt = doc.words[k + 1]
    if nxt in sets["weekdays"] or nxt in sets["months"]:
        return True
    return doc.words[k - 1] not in sets["org_heads"]


def _split_and(words: list[str], s: int, e: int,
               generic: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """'Gannett and GateHouse Media' -> two names; 'Ministry of Water and Irrigation' (an
    "of"-name) and 'Customs and Border Protection' (common words of bodies before 'and')
    stay one."""
    for k in range(s + 1, e - 1):
        if words[k] == "and":
            if any(w in ("of", "for") for w in words[s:k]):
                return [(s, e)]
            if all(w in generic for w in words[s:k]) and e - k > 2:
                return [(s, e)]
            return [(s, k), *_split_and(words, k + 1, e, generic)]
    return [(s, e)]


def _keep(doc: Doc, s: int, e: int) -> bool:
    """A candidate worth scoring: not only a country/place/idiom, at most eight tokens."""
    span = doc.span_of[s]
    if span is not None and span.kind != "org" and span.j >= e:
        return False  # a country, place or idiom and nothing more
    return e - s <= 8


def _domain_end(doc: Doc, e: int) -> int:
    """Extend over '.com' / '.net' written right after the name."""
    if doc.next_word(e) == "." and doc.next_word(e + 1).lower() in TLDS and not doc.gaps[e] \
            and not doc.gaps[e + 1]:
        return e + 2
    return e


_LEN = ("len:0", "len:1", "len:2", "len:3", "len:4")


def features(doc: Doc, s: int, e: int, speakers: set[str],
             at: dict[str, list[int]]) -> list[str]:
    """Feature names of the candidate [s, e), in a fixed order (the scorer sums their
    weights in it)."""
    cue = cues()
    n_names, all_generic, all_upper, flags = _word_flags(doc, s, e, cue)
    f = ["bias", _LEN[min(n_names, 4)], *sorted(flags)]
    heads = _heads(cue, doc.data.sets["org_heads"])
    f += _head_features(doc, s, e, n_names, "paper_place" in flags, heads, cue)
    f += _shape_features(doc, s, e, all_upper)
    f += _person_features(doc, s, e, n_names, heads, speakers)
    f += _position_features(doc, s, e, n_names, all_generic, at)
    f += _place_team(doc, s, e, n_names, at)
    f += _left(doc, s, cue)
    f += _right(doc, e, cue, doc.data.sets)
    return f


def _word_flags(doc: Doc, s: int, e: int, cue: Cues) -> tuple[int, bool, bool, set[str]]:
    """(capitalised words, all of them generic, all in capitals, flags of single words:
    camel case, a word that names no organization, a given name inside, a digit, a place)."""
    words, sets, given, span_of = doc.words, doc.data.sets, doc.data.given_names, doc.span_of
    generic, non_org, venue = sets["org_generic_words"], sets["non_org_words"], sets["venue_words"]
    n_names = 0
    all_generic = all_upper = True
    flags: set[str] = set()
    for t in range(s, e):
        w = words[t]
        if w[0].isupper():
            n_names += 1
            if w not in generic:
                all_generic = False
            if w.istitle():
                if len(w) > 1:
                    all_upper = False
            elif not w.isupper() and w.isalnum() and not _SURNAME_PREFIX.match(w):
                # "SUVs", "ILC2s": an acronym's plural names things, not a body
                flags.add("acronym_plural" if w[-1] == "s" and w[:-1].isupper() else "camel")
        elif w.isalpha():
            all_upper = False
        if w in non_org or w in venue:
            flags.add("non_org_word")
        if t > s and w in given:
            flags.add("given_inside")
        if not w.isalpha() and any(c.isdigit() for c in w):
            flags.add("digit")
        sp = span_of[t]
        if sp is not None and (sp.kind == "country" or sp.kind == "place"):
            flags.add("has_place")
            if t < e - 1 and words[e - 1] in cue.paper:
                flags.add("paper_place")  # "Lakeside Bee", "Riverton Star": a newspaper
    return n_names, all_generic, all_upper, flags


def _head_features(doc: Doc, s: int, e: int, n_names: int, paper_place: bool,
                   heads: frozenset[str], cue: Cues) -> list[str]:
    """The head word: a legal form or an organization's head noun last, a venue's word last,
    an of-name, a conjunction inside."""
    sets, span = doc.data.sets, doc.words[s:e]
    first, last = span[0], span[-1]
    f = []
    legal = e - s > 1 and is_legal_form(last, cue.legal)
    if legal:
        f.append("legal_last")
    # a legal form is the head word of a company's name, a newspaper word after a place
    # the head word of a newspaper's
    if last in heads or legal or paper_place:
        f.append("head_last")
        if last in sets["org_generic_words"]:
            f.append("head_generic")
        if n_names == 1 and doc.next_word(s - 1) not in ("the", "The"):
            f.append("head_alone")  # "Court", "Party" (not "the Agency"): no one body
    if last in sets["non_org_words"] or last in sets["venue_words"]:
        f.append("non_org_last")  # "Riverbend Music Center", "Singles Day": a venue or event
    if "of" in span or "for" in span:
        f.append("of_inside")
        if first in heads:
            f.append("head_first_of")
    if "and" in span or "&" in span:
        f.append("and_inside")
    return f


def _shape_features(doc: Doc, s: int, e: int, all_upper: bool) -> list[str]:
    """An acronym (one defined in the text as a thing), capitals throughout, a web domain."""
    f = []
    first = doc.words[s]
    if e - s == 1:
        if first.isupper() and 2 <= len(first) <= 6 and first.isalpha():
            f.append("acronym" if len(first) > 2 else "acronym_2")
            if first in doc.thing_acronyms:
                f.append("acronym_thing")  # defined in the text as a stage, system, ...
    elif all_upper:
        f.append("all_caps")
    if _domain_end(doc, e) > e:
        f.append("domain")
    return f


def _person_features(doc: Doc, s: int, e: int, n_names: int, heads: frozenset[str],
                     speakers: set[str]) -> list[str]:
    """Signs of a person: a given name first, a listed person, a title first, a last word
    that speaks alone elsewhere."""
    span = doc.words[s:e]
    first, last = span[0], span[-1]
    f = []
    if first in doc.data.given_names:
        f.append("given_first")
        if n_names == 2:
            f.append("given_first_2")
    if _known_person(span):
        f.append("known_person")
    of_inside = "of" in span or "for" in span
    if first in doc.data.sets["titles"] and not (of_inside and first in heads):
        f.append("title_first")  # not a head before its of-name ("Center for ...")
    if last in speakers and any(p != e - 1 for p in _speaker_at(doc, speakers, last)):
        f.append("speaker")  # the last word speaks alone elsewhere ("Vandermeer said")
    return f


def _position_features(doc: Doc, s: int, e: int, n_names: int, all_generic: bool,
                       at: dict[str, list[int]]) -> list[str]:
    """Generic words only, a sentence's first word, a common word, a score line, "the"
    before a plural, a repeat elsewhere in the text."""
    first = doc.words[s]
    f = []
    if n_names and all_generic:
        f.append("all_generic")
    if doc.starts[s]:
        f.append("sent_start")
        if n_names == 1:
            f.append("sent_start_1")
    if n_names == 1 and first.lower() in doc.words_set:
        f.append("common_word")
    if score_line(doc, s, e):
        f.append("score_line")  # "Bruins 5, Devils 1": a result line names two teams
    if n_names == 1 and plural_word(first) and doc.next_word(s - 1) in ("the", "The"):
        f.append("the_plural")  # "the Islanders", "the Democrats"
        if sports_article(doc):
            f.append("the_plural_sports")
    if _repeats(doc, s, e, at):
        f.append("repeated")
    return f


_HEADS: dict[int, frozenset[str]] = {}
_SKIP: dict[int, frozenset[str]] = {}


def _skip_start(sets: dict) -> frozenset[str]:
    """Words that never start a candidate (united once)."""
    key = id(sets)
    if key not in _SKIP:
        _SKIP[key] = (sets["function_words"] | sets["stop_words"] | sets["months"]
                      | sets["weekdays"])
    return _SKIP[key]


def _heads(cue: Cues, org_heads: frozenset[str]) -> frozenset[str]:
    """Head nouns of the cue file and of the lexicon (united once)."""
    key = id(org_heads)
    if key not in _HEADS:
        _HEADS[key] = cue.head | org_heads
    return _HEADS[key]


def _known_person(span: list[str]) -> bool:
    """A listed person's name or surname ('Trump', 'Joe Biden')."""
    surnames, _phrases, forms = _people()
    if len(span) == 1:
        return span[0] in surnames
    return " ".join(w for w in span if w != ".") in forms


def _repeats(doc: Doc, s: int, e: int, at: dict[str, list[int]]) -> bool:
    """The same token sequence occurs elsewhere in the text."""
    where = at.get(doc.words[s], ())
    if len(where) < 2 or e - s == 1:
        return len(where) > 1  # a one-word name: every position of its word is a repeat
    words, key, n = doc.words, doc.words[s:e], e - s
    return sum(1 for p in where if words[p:p + n] == key) > 1


def _place_prefix(doc: Doc, s: int, e: int) -> int:
    """Length of a place or country name that opens [s, e) and leaves capitalised words
    after it ('Pittsburgh' of 'Pittsburgh Penguins', 'Oklahoma City' of 'Oklahoma City
    Thunder'), else 0. Looked up in the place entries themselves, so a listed name that
    starts with the place does not hide it."""
    entries, words, titles = doc.data.index.entries, doc.words, doc.data.sets["titles"]
    if words[s] not in doc.data.index.maxlen:
        return 0  # no phrase of the gazetteer starts with this word
    for k in range(min(4, e - s - 1), 0, -1):
        if not is_cap(words[s + k]) or words[s + k] in titles:
            continue  # 'Tajik President ...', 'U.S. Attorney' name a person or an office
        if any(_is_place(pay) for pay in entries.get(tuple(words[s:s + k]), ())):
            return k
    return 0


def _is_place(pay: tuple) -> bool:
    """A gazetteer payload of a place, or of a country's or capital's name (not of an
    adjective: 'Tajik', 'Ukrainian')."""
    return pay[0] == "place" or pay[0] == "country" and pay[2] in ("name", "cap")


def _after_place(doc: Doc, p: int) -> bool:
    """A place or country name ends right before token p ('Oklahoma City| Thunder')."""
    entries, words = doc.data.index.entries, doc.words
    if words[p - 1] not in _place_last_words(doc.data.index) or "\n" in doc.gaps[p]:
        return False  # no place ends here, or it ends the line before
    for k in range(1, min(4, p) + 1):
        if any(_is_place(pay) for pay in entries.get(tuple(words[p - k:p]), ())):
            return True
    return False


_PLACE_LAST: dict[int, frozenset[str]] = {}


def _place_last_words(index) -> frozenset[str]:
    """Last words of the gazetteer's place and country names (collected once)."""
    key = id(index)
    if key not in _PLACE_LAST:
        _PLACE_LAST[key] = frozenset(k[-1] for k, pays in index.entries.items()
                                     if any(_is_place(p) for p in pays))
    return _PLACE_LAST[key]


def _place_team(doc: Doc, s: int, e: int, n_names: int,
                at: dict[str, list[int]]) -> list[str]:
    """Cues of a name made of a place and a name ('Pittsburgh Penguins': place_first; in a
    sports article place_first_sports; its name part also stands alone in the article:
    tail_alone) and of a name met elsewhere after a place ('the Thunder' where the text
    also says 'Oklahoma City Thunder': after_place_elsewhere). `at`: the positions of the
    candidates' first words."""
    out = []
    k = _place_prefix(doc, s, e) if n_names > 1 else 0
    words = doc.words
    if k:
        out.append("place_first")
        if sports_article(doc):
            out.append("place_first_sports")
        tail, n = words[s + k:e], e - s - k
        for p in doc.positions({tail[0]}):
            if p != s + k and words[p:p + n] == tail and not _after_place(doc, p):
                out.append("tail_alone")
                break
    elif e - s == 1 or n_names == e - s:
        span, n = words[s:e], e - s
        for p in at.get(span[0], ()):
            if p != s and words[p:p + n] == span and p > 0 and is_cap(words[p - 1]) \
                    and _after_place(doc, p):
                out.append("after_place_elsewhere")
                break
    return out


def _left(doc: Doc, s: int, cue: Cues) -> list[str]:
    words = doc.words
    out = []
    k = s - 1
    prev = doc.next_word(k)
    if prev in ("the", "The"):
        out.append("the_before")
        k -= 1
        prev = doc.next_word(k)
    low = prev.lower()
    if k == s - 1 and k >= 0 and doc.owner[k] == "org" and is_cap(prev):
        out.append("org_before")  # "House Intelligence Committee" after a known "House"
    if prev in QUOTES:
        out.append("quoted")
    elif low == "told" or (low == "to" and doc.next_word(k - 1).lower() == "according"):
        out.append("source_before")  # "told Eurogamer", "according to PolitiFact"
    elif low in cue.prep:
        out.append(f"prev:{low}")
        before = [w.lower() for w in words[max(0, k - 3):k]]
        if any(w in cue.role for w in before):
            out.append("role_prep")  # "chief executive of X", "analyst at X"
        if before and before[-1] in HOLDING_WORDS:
            out.append("shares_of")
    elif low in cue.verb:
        out.append("prev_org_verb")
    elif prev in (",", "and", "&", "or") and is_cap(doc.next_word(k - 1)):
        # "Gannett and McClatchy": a list; of organizations when the one before is one
        out.append("conj_org" if doc.owner[k - 1] == "org" else "conj_cap")
    elif prev == ",":
        out.append("prev:,")
    elif prev and not is_cap(prev) and prev.isalpha():
        out.append("prev_lower_other")
    if (low in cue.appos or low in cue.appos_plural or low.endswith("-based")
            or _kinds_before(doc, k, cue)):
        out.append("noun_before")  # "the startup X", "Chicago-based X", "companies X, Y",
        # "retailers such as X"
    if low in doc.data.sets["titles"] or prev in doc.data.sets["titles"]:
        out.append("title_before")
    return out


def _right(doc: Doc, e: int, cue: Cues, sets: dict) -> list[str]:
    """The feature of what follows the candidate ending at e (none after a word that says
    nothing)."""
    nxt = doc.next_word(e)
    if nxt in POSS:
        after = [w.lower() for w in doc.words[e + 1:e + 3]]
        return ["poss_role" if any(w in cue.role for w in after) else "poss"]
    if nxt == ",":
        return [_after_comma(doc, e + 1, cue, sets)]
    if nxt == "(":
        inner = doc.next_word(e + 1)
        acronym = inner.isupper() and len(inner) >= 2 and doc.next_word(e + 2) == ")"
        return ["acronym_after" if acronym else "paren_after"]
    feature = _next_word_feature(nxt, cue)
    return [feature] if feature else []


def _after_comma(doc: Doc, k: int, cue: Cues, sets: dict) -> str:
    """The feature of what follows a comma at k: an apposition ("X, a Chicago-based
    startup", "X, the chief executive"), a relative clause, a reporting verb, a legal form."""
    nxt = doc.next_word(k)
    low = nxt.lower()
    if low in DETERMINERS or nxt.endswith("-based"):
        win = []
        for w in doc.words[k:k + 7]:
            if w in (",", ".", ";"):
                break
            win.append(w.lower())
        if any(w in cue.appos or w.endswith("-based") for w in win):
            return "appos_org"
        if any(w in sets["person_role_nouns"] for w in win):
            return "appos_person"
        return "appos_other"
    if low in ("who", "whose"):
        return "next_who"
    if nxt in sets["strong_report_verbs"]:
        return "appos_end"  # "Jo Doe, chief executive of X, said": ends an apposition
    if low in ("which", "that"):
        return "next_which"
    if is_legal_form(nxt, cue.legal):
        return "legal_after_comma"
    return "next:,"


def _next_word_feature(nxt: str, cue: Cues) -> str | None:
    """The feature of the word right after a candidate: a verb organizations or persons
    take, "said", a preposition, a legal form, punctuation; None for any other word."""
    low = nxt.lower()
    if low in cue.verb:
        return "next_org_verb"
    if low in cue.person_verb:
        return "next_person_verb"
    if low in ("said", "says"):
        return "next_said"
    if low in cue.prep:
        return f"next:{low}"
    if is_legal_form(nxt, cue.legal):
        return "legal_next"
    if nxt and not nxt[0].isalnum():
        return "next_punct"
    return None


def _speaker_at(doc: Doc, speakers: set[str], word: str) -> list[int]:
    """Where a lone speaker word stands before a reporting verb (or after 'said'); the
    positions of every speaker word are found in one pass, on first need."""
    cached = getattr(doc, "_speaker_at_cache", None)
    if cached is None:
        words, verbs = doc.words, doc.data.sets["strong_report_verbs"]
        cached = {}
        for p, w in enumerate(words):
            if w in speakers and (doc.next_word(p + 1) in verbs or doc.next_word(p - 1) == "said"):
                cached.setdefault(w, []).append(p)
        doc._speaker_at_cache = cached
    return cached.get(word, [])


_SCORE_SEP = frozenset({",", ":", ";", "-", "–", "—"})


def _small_number(w: str) -> bool:
    return w.isdigit() and len(w) <= 3


def score_line(doc: Doc, s: int, e: int) -> bool:
    """A side of a result: "Bruins 5, Devils 1" (a score after the name, then a separator;
    or after a score and a comma)."""
    nw = doc.next_word
    return ((_small_number(nw(e)) and (nw(e + 1) in _SCORE_SEP or "\n" in doc.gaps[e + 1]
                                       if e + 1 < len(doc.words) else True))
            or (nw(s - 1) == "," and _small_number(nw(s - 2)) and s >= 3 and is_cap(nw(s - 3))))


def plural_word(w: str) -> bool:
    """A capitalised plural noun ("Islanders", "Democrats"), not an acronym."""
    return len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w[1:].islower()


def sports_article(doc: Doc) -> bool:
    """The article is about sport (three or more sports words; computed once)."""
    cached = getattr(doc, "_sports_cache", None)
    if cached is None:
        cues = doc.data.sets["sports_cues"]
        cached = doc._sports_cache = sum(1 for w in doc.words if w in cues) >= 3
    return cached


def _single_cue(doc: Doc, s: int) -> bool:
    """A one-word candidate has at least one of the cues a one-word organization needs to
    be accepted (its shape, or the words around it); the others are not scored at all
    (a speed-up: without such a cue the model rejects them anyway)."""
    w = doc.words[s]
    if (w.isupper() and len(w) > 2) or (not w[1:].islower() and not w.isupper()
                                        and not w[1:].replace("-", "").islower()
                                        and not _SURNAME_PREFIX.match(w)):
        return True  # acronym of three letters or more, CamelCase (not McDonald)
    cue = cues()
    prev = doc.next_word(s - 1)
    if prev == "the" or prev == "The":
        if plural_word(w):
            return True
        prev = doc.next_word(s - 2)
    low = prev.lower()
    if low == "told" or (low == "to" and doc.next_word(s - 2).lower() == "according"):
        return True
    if low in cue.strong_prep:  # "at X", "by X"; not "in X", "of X"
        return True
    if (low in cue.verb or low in cue.appos or low in cue.appos_plural
            or low.endswith("-based") or prev in QUOTES or _kinds_before(doc, s - 1, cue)):
        return True
    nxt = doc.next_word(s + 1)
    if nxt == ",":
        after = doc.next_word(s + 2)
        return after in DETERMINERS or after.endswith("-based") or is_legal_form(after, cue.legal)
    if nxt in POSS:
        return any(x.lower() in cue.role for x in doc.words[s + 2:s + 4])
    return (nxt == "(" or nxt == "." and doc.next_word(s + 2) in TLDS or score_line(doc, s, s + 1)
            or nxt.lower() in cue.verb or is_legal_form(nxt, cue.legal))


def _kinds_before(doc: Doc, k: int, cue: Cues) -> bool:
    """Token k ends "companies such as", "retailers including", "lenders like": what follows
    is one of them."""
    w = doc.next_word(k)
    if w == "as" and doc.next_word(k - 1) == "such":
        k -= 1
    elif w not in ("including", "like"):
        return False
    return doc.next_word(k - 1).lower() in cue.appos_plural


def _hopeless(doc: Doc, s: int, e: int) -> bool:
    """Cheap pre-filter for shapes the model nearly never accepts: one capitalised word
    opening a sentence (not an acronym or CamelCase, and not followed by an apposition,
    parenthesis or possessive), a generic word after a possessive ("Magistrate's Court"), a
    legal form alone, or a given name and up to three more words, the last neither a head
    noun nor a legal form (a person's name)."""
    words = doc.words
    first = words[s]
    if (e - s == 1 or e - s == 2 and words[s + 1] == ".") and is_legal_form(first, cues().legal):
        return True  # ", Inc." after a name: the legal form alone names no one
    if e - s == 1:
        if doc.next_word(s - 1) in POSS and first in doc.data.sets["org_generic_words"]:
            return True  # "Magistrate's Court", "the city's Police": part of a longer name
        return (doc.starts[s] and first.istitle() and doc.next_word(e) not in _APPOS_OPENERS
                and not score_line(doc, s, e))
    if first in doc.data.given_names and e - s <= 4:
        last = words[e - 1]
        heads = _heads(cues(), doc.data.sets["org_heads"])
        return last not in heads and not is_legal_form(last, cues().legal)
    return False


def candidates(doc: Doc, pieces: list[tuple[int, int]], orgs=None) -> Iterator[Candidate]:
    """Every candidate span of the leftover pieces with its features, in text order. A
    candidate that is already a found organization's name (`orgs`) gets the single feature
    "known"."""
    spans = [(s, e) for s, e in candidate_spans(doc, pieces) if not _hopeless(doc, s, e)]
    if not spans:
        return
    speakers = speakers_of(doc)
    firsts = {doc.words[s] for s, _ in spans}
    at: dict[str, list[int]] = {}
    for p in doc.positions(firsts):
        at.setdefault(doc.words[p], []).append(p)
    out = []
    for s, e in spans:
        text = doc.surface(s, _domain_end(doc, e))
        if orgs is not None and orgs.lookup(text):
            out.append(Candidate(s, e, text, ["known"]))
            continue
        out.append(Candidate(s, e, text, features(doc, s, e, speakers, at)))
    _cues_elsewhere(out)
    _lists_with_orgs(doc, out)
    yield from out


# the strong context cues that say "organization" wherever a name stands (a name met once as
# "an analyst at X", "the startup X" or "X's chief executive" is an organization in the
# article's other mentions too); weak ones ("at X", "X announced") do not carry over
ORG_CONTEXT = frozenset({
    "source_before", "noun_before", "role_prep", "shares_of", "appos_org", "poss_role",
    "acronym_after", "legal_next", "legal_after_comma",
})


def _cues_elsewhere(cands: list[Candidate]) -> None:
    """Add "cue_elsewhere" to a candidate when another mention of the same name in the
    article stands in an organization's context (`ORG_CONTEXT`)."""
    cued: dict[str, set[int]] = {}
    for c in cands:
        if (c.features != ["known"] and not ORG_CONTEXT.isdisjoint(c.features)
                and "non_org_last" not in c.features):  # "Human Landing System (HLS)"
            cued.setdefault(c.text, set()).add(c.i)
    if not cued:
        return
    for c in cands:
        where = cued.get(c.text)
        if where and c.features != ["known"] and where - {c.i}:
            c.features.append("cue_elsewhere")


_LIST_SEPS = frozenset({",", "and", "or", "&"})
# what makes a list's member an organization for its neighbours: a form cue, or a context cue
# that carries over (ORG_CONTEXT)
STRONG = frozenset({"known", "head_last", "legal_last", "camel", "domain"}) | ORG_CONTEXT


def _list_step(doc: Doc, p: int) -> int:
    """Position after the separator at p (',', 'and', 'or', '&', ', and'), or -1."""
    w = doc.next_word(p)
    if w not in _LIST_SEPS:
        return -1
    if w == "," and doc.next_word(p + 1) in ("and", "or"):
        return p + 2
    return p + 1


def _org_run(owner: list[str], p: int, step: int) -> int:
    """The start (step -1) or end (step 1) of the run of organization tokens at p."""
    if step < 0:
        while p > 0 and owner[p - 1] == "org":
            p -= 1
        return p
    while p < len(owner) and owner[p] == "org":
        p += 1
    return p


def _listed_pair(doc: Doc, s: int, mid: int, e: int) -> bool:
    """Two names [s, mid) and [mid + sep, e) joined by a separator at mid are members of a
    list: the separator is a conjunction, or a comma with a separator before the first or
    after the second ('A, B and C'); a comma alone joins no list ('for the Lakers, Joe Doe
    drilled a 3-pointer')."""
    if doc.next_word(mid) != "," or doc.next_word(mid + 1) in ("and", "or"):
        return True
    return (s >= 1 and doc.words[s - 1] in _LIST_SEPS) or _list_step(doc, e) >= 0


def _lists_with_orgs(doc: Doc, cands: list[Candidate]) -> None:
    """Add "list_org" to a candidate in a list of names ("Astrobotic, Draper, Firefly
    Aerospace and Lockheed Martin") one of whose other members is an organization: found by
    the lists or rules, or a candidate with a strong cue (`STRONG`)."""
    if len(cands) < 2 and "org" not in doc.owner:
        return
    roots, org_next = _list_groups(doc, cands)
    # a thing's or event's name ('Singles Day') makes no organization of its neighbours
    strong = [not STRONG.isdisjoint(c.features) and "non_org_last" not in c.features
              for c in cands]
    n_strong: dict[int, int] = {}
    has_org: set[int] = set()
    for k, r in enumerate(roots):
        n_strong[r] = n_strong.get(r, 0) + strong[k]
        if org_next[k]:
            has_org.add(r)
    for k, c in enumerate(cands):
        r = roots[k]
        if c.features != ["known"] and (r in has_org or n_strong[r] - strong[k] > 0):
            c.features.append("list_org")


def _list_groups(doc: Doc, cands: list[Candidate]) -> tuple[list[int], list[bool]]:
    """(the list each candidate belongs to, as the index of one of its members; whether a
    known organization stands next to it in a list). Candidates next to each other in a list
    ("A, B and C") belong to one."""
    at_start = {c.i: k for k, c in enumerate(cands)}
    group = list(range(len(cands)))

    def root(k: int) -> int:
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    owner, words = doc.owner, doc.words
    org_next = [False] * len(cands)
    for k, c in enumerate(cands):
        end = _domain_end(doc, c.j)
        q = _list_step(doc, end)
        if q >= 0:
            if q in at_start:
                if _listed_pair(doc, c.i, end, _domain_end(doc, cands[at_start[q]].j)):
                    group[root(k)] = root(at_start[q])
            elif q < len(owner) and owner[q] == "org":
                if _listed_pair(doc, c.i, end, _org_run(owner, q, 1)):
                    org_next[k] = True
        if c.i >= 2 and words[c.i - 1] in _LIST_SEPS:
            p = c.i - 2 if words[c.i - 1] != "and" or words[c.i - 2] != "," else c.i - 3
            if p >= 0 and owner[p] == "org" and (
                    _listed_pair(doc, _org_run(owner, p, -1), p + 1, end)):
                org_next[k] = True
    return [root(k) for k in range(len(cands))], org_next

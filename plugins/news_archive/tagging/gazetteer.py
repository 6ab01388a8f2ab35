"""Data loading (lazy, cached) and token-level phrase matching for the entity tagger."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..calendar_names import month_names
from ..countries import table as country_table
from ..datafiles import read_json, read_lines

TOKEN_RE = re.compile(  # possessive quantifiers: the same tokens, found faster
    r"[A-Za-z]\.(?:[A-Za-z]\.)+(?![A-Za-z])"  # U.S. U.N. D.C.
    r"|\w++(?:[-&/+]\w++|['’](?![sS]\b)\w++)*+"  # words, hyphenated, O'Rourke, AT&T
    r"|['’][sS]\b"  # possessive 's
    r"|\S"
)


class Token(NamedTuple):
    """One token with its character span."""

    text: str
    start: int
    end: int


_TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")


def tokenize(text: str) -> list[Token]:
    """Split text into word, acronym, possessive and punctuation tokens."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def split_tokens(text: str) -> list[str]:
    """``[gap, token, gap, token, ..., gap]`` in one regex pass: odd items are the tokens of
    `tokenize`, even items the text around them (whitespace only, since tokens cover every
    non-space character)."""
    return _TOKEN_SPLIT_RE.split(text)


@lru_cache(maxsize=4096)
def phrase_key(phrase: str) -> tuple[str, ...]:
    """Tokenize a gazetteer phrase the same way as text."""
    return tuple(TOKEN_RE.findall(phrase))


@dataclass
class PhraseIndex:
    """Exact token-sequence lookup with longest-match support."""

    entries: dict[tuple[str, ...], list[tuple]] = field(default_factory=dict)
    maxlen: dict[str, int] = field(default_factory=dict)
    # first word -> the second words of its phrases of two or more words
    seconds: dict[str, set[str]] = field(default_factory=dict)

    def add(self, phrase: str, value: tuple) -> None:
        """Register a phrase (tokenized) with a payload tuple."""
        key = phrase_key(phrase)
        if not key:
            return
        self.entries.setdefault(key, []).append(value)
        if len(key) > self.maxlen.get(key[0], 0):
            self.maxlen[key[0]] = len(key)
        if len(key) > 1:
            self.seconds.setdefault(key[0], set()).add(key[1])

    def longest(self, words: list[str], i: int) -> tuple[int, list[tuple]] | None:
        """Longest phrase starting at token i: (length, payloads) or None."""
        w = words[i]
        n = self.maxlen.get(w)
        if not n:
            return None
        entries = self.entries
        if n > 1 and i + 1 < len(words) and words[i + 1] in self.seconds[w]:
            for k in range(min(n, len(words) - i), 1, -1):
                hit = entries.get(tuple(words[i : i + k]))
                if hit:
                    return k, hit
        hit = entries.get((w,))
        return (1, hit) if hit else None


def _lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a `tagging/data/` file."""
    return read_lines("tagging", name)


@dataclass
class Data:
    """Everything the tagger needs, loaded once."""

    index: PhraseIndex
    lex: dict
    given_names: frozenset[str]
    sets: dict[str, frozenset[str]]
    org_types: dict[str, str]


def _add_countries(idx: PhraseIndex) -> None:
    """Curated forms first; pycountry names only where no curated form exists."""
    for ln in _lines("country_forms.tsv"):
        parts = (ln.split("\t") + [""] * 5)[:5]
        code = parts[0]
        for col, kind in ((1, "name"), (2, "adj"), (3, "cap"), (4, "seat")):
            for form in filter(None, parts[col].split("|")):
                weak = form.startswith("~")
                idx.add(form.lstrip("~"), ("country", code, kind, weak))
    for info in country_table().values():
        for name in info.iso_names:
            if "," not in name and "(" not in name and phrase_key(name) not in idx.entries:
                idx.add(name, ("country", info.code, "name", False))


@lru_cache(maxsize=1)
def load() -> Data:
    """Load and index all data files (cached)."""
    lex = read_json("tagging", "lexicon.json")
    idx = PhraseIndex()
    _add_countries(idx)
    for p in _lines("places.txt"):
        idx.add(p, ("place",))
    for p in _lines("country_idioms.txt"):
        idx.add(p, ("idiom",))
    org_types: dict[str, str] = {}
    for ln in _lines("orgs.tsv") + _lines("orgs_extra.tsv"):
        name, aliases, typ = (ln.split("\t") + ["", ""])[:3]
        if name in org_types:
            continue  # orgs.tsv wins over the broader list
        org_types[name] = typ
        alist = list(filter(None, aliases.split("|")))
        weak_names = {a[1:] for a in alist if a.startswith("~")}
        idx.add(name, ("org", name, name in weak_names, typ))
        if name.startswith("The ") and name[4:] not in weak_names:
            idx.add(name[4:], ("org", name, " " not in name[4:], typ))
        for a in alist:
            if a[1:] == name:
                continue
            weak = a.startswith("~") or (typ == "team" and len(phrase_key(a)) == 1)
            idx.add(a.lstrip("~"), ("org", name, weak, typ))
    given = frozenset(_lines("given_names.txt"))
    set_keys = (
        "stop_words", "months", "weekdays", "titles", "report_verbs", "actor_verbs", "particles",
        "name_suffixes", "org_heads", "org_heads_only_after_of", "org_heads_after_the",
        "org_of_name_heads", "org_field_heads", "org_state_heads",
        "company_suffixes", "org_generic_words", "non_org_words", "org_before_cues",
        "org_role_cues", "sports_cues", "sentence_enders", "safe_short_acronyms",
        "strong_report_verbs", "function_words", "venue_words", "possessive_org_words",
        "person_role_nouns", "edu_heads", "surname_modifier_nouns",
    )
    sets = {k: frozenset(lex[k]) for k in set_keys if k != "months"}
    sets["months"] = frozenset(n.capitalize() for n in month_names("en"))
    return Data(idx, lex, given, sets, org_types)

"""Per-family phrase tables for non-English text: countries (CLDR + curated) and organizations.

An entry is a phrase (one key set per word, see `script_families.Family.keys`) with a payload:
``("country", code, kind)`` or ``("org", canonical name)``. Tables are built on first use of
a family and kept for the process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..datafiles import data_path
from .gazetteer import _lines
from .script_families import WORD_RE, Family, families

_CJK_KATAKANA = re.compile(r"^[\u30a0-\u30ff]+$")


@dataclass(frozen=True)
class Entry:
    """One phrase: key sets of its words, the payload and how it may be matched."""

    sets: tuple[frozenset[str], ...]
    payload: tuple
    cap: bool  # the first word must be capitalised (names in cased scripts)
    weak: bool  # also a common word: never sentence-initial
    exact: str = ""  # acronyms: the token must equal this exactly


@dataclass
class Table:
    """A family's phrases, indexed by every key of their first word."""

    family: Family
    first: dict[str, list[Entry]] = field(default_factory=dict)  # one-word names
    first_multi: dict[str, list[Entry]] = field(default_factory=dict)  # by loose keys
    cjk: list[tuple[str, tuple]] = field(default_factory=list)  # (form, payload) unspaced
    starts_memo: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    cjk_forms: dict[str, tuple] = field(default_factory=dict)  # form -> payload
    cjk_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first char -> sizes

    def starts(self, word: str) -> tuple[Entry, ...]:
        """Entries that may start at this word, multi-word ones first (memoised)."""
        got = self.starts_memo.get(word)
        if got is None:
            fam = self.family
            multi = [e for k in fam.loose_keys(word) for e in self.first_multi.get(k, ())]
            multi.sort(key=lambda e: len(e.sets), reverse=True)
            single = [e for k in fam.keys(word) for e in self.first.get(k, ())]
            if len(self.starts_memo) > 200_000:
                self.starts_memo.clear()
            got = self.starts_memo[word] = tuple(dict.fromkeys(multi + single))
        return got

    def add(self, phrase: str, payload: tuple, cap: bool, weak: bool = False) -> None:
        """Register a phrase (its words reduced to key sets)."""
        phrase = phrase.strip()
        if not phrase:
            return
        if self.family.name == "cjk":
            self.cjk.append((phrase, payload))
            return
        words = WORD_RE.findall(phrase)
        if not words:
            return
        exact = words[0] if len(words) == 1 and _acronym(words[0]) else ""
        if len(words) > 1:
            sets = tuple(self.family.loose_keys(w) for w in words)
            index = self.first_multi
        else:
            sets = (self.family.keys(words[0]),)
            index = self.first
        entry = Entry(sets, payload, cap and self.family.cased, weak, exact)
        for k in ({self.family.norm(exact)} if exact else sets[0]):
            index.setdefault(k, []).append(entry)



def _short_han(form: str) -> bool:
    return len(form) <= 2 and all("\u4e00" <= c <= "\u9fff" for c in form)


def _norm_phrase(fam: Family, phrase: str) -> str:
    return " ".join(fam.norm(w) for w in WORD_RE.findall(phrase))


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def curated_rows(lang: str) -> list[list[str]]:
    """Rows of data/multilingual/countries_<lang>.tsv ([] where there is none)."""
    if not data_path("tagging", f"multilingual/countries_{lang}.tsv").exists():
        return []
    return [(ln.split("\t") + [""] * 4)[:4] for ln in _lines(f"multilingual/countries_{lang}.tsv")]


def _langs_of(family: Family) -> list[str]:
    out = []
    for code in [*family.langs, *family.locales]:
        base = code.split("_")[0]
        if base not in out:
            out.append(base)
    return out


@cache
def table(name: str) -> Table:
    """The phrase table of one family (built once)."""
    fam = families()[name]
    tab = Table(fam)
    excluded: set[str] = set()
    for lang in _langs_of(fam):
        for code, names, adjs, caps in curated_rows(lang):
            for col, kind in ((names, "name"), (adjs, "adj"), (caps, "cap")):
                for form in filter(None, col.split("|")):
                    weak, never = form.startswith("~"), form.startswith("!")
                    form = form.lstrip("~!")
                    if weak or never:
                        excluded.add(_norm_phrase(fam, form))
                    if not never:
                        tab.add(form, ("country", code, kind), cap=kind != "adj", weak=weak)
    locales = set(fam.locales)
    for ln in _lines("multilingual/cldr_countries.tsv"):
        loc, code, kind, form = ln.split("\t")
        if fam.name == "cjk" and _short_han(form):
            continue  # "海地" (Haiti) inside "沿海地区": only the curated short names count
        if loc in locales and _norm_phrase(fam, form) not in excluded:
            # capitals, and short names, may be common words or given names: mid-sentence only
            weak = kind == "cap" or (" " not in form and len(form) <= 4)
            tab.add(form, ("country", code, kind), cap=True, weak=weak)
    for ln in _lines("multilingual/orgs.tsv"):
        canon, aliases = (ln.split("\t") + [""])[:2]
        for alias in filter(None, aliases.split("|")):
            tab.add(alias, ("org", canon), cap=alias[:1].isupper())
    sizes: dict[str, set[int]] = {}
    for form, payload in tab.cjk:
        tab.cjk_forms.setdefault(form, payload)
        sizes.setdefault(form[0], set()).add(len(form))
    tab.cjk_lengths = {c: tuple(sorted(v, reverse=True)) for c, v in sizes.items()}
    return tab


def katakana(form: str) -> bool:
    """True for a form written wholly in katakana (needs katakana-free neighbours)."""
    return bool(_CJK_KATAKANA.match(form))

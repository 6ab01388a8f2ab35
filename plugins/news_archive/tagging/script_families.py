"""Language families for non-English tagging: which tables a text uses and how words compare.

A family groups languages that share a script and similar endings (Cyrillic, Arabic script,
Turkic Latin, Germanic, Romance, ...). Words are compared through *keys*: a normalised word
(case, letter variants, Turkish apostrophe suffixes) and the stems left after removing one of
the family's endings or clitic prefixes. A text word matches a gazetteer word when their key
sets meet, so "Таджикистане" meets "Таджикистан", "Rusya'nın" meets "Rusya", "بأفغانستان"
meets "أفغانستان".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .gazetteer import _lines

WORD_RE = re.compile(r"[^\W\d_](?:[\w'’ʻʼ`]*\w)?")
_APOSTROPHES = str.maketrans({"’": "'", "ʻ": "'", "ʼ": "'", "‘": "'", "`": "'"})
# Arabic-script letter variants written interchangeably (Arabic vs Persian yeh and kaf,
# hamza seats, alef maqsura); harakat and tatweel are dropped
_ARABIC = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا",
                         "ٱ": "ا", "ۀ": "ه", "ة": "ه", "ـ": None})
_CYRILLIC = str.maketrans({"ё": "е"})
_SCRIPT_RANGES = (
    ("cyrl", re.compile(r"[\u0400-\u04ff]")),
    ("arab", re.compile(r"[\u0600-\u06ff]")),
    ("cjk", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("armenian", re.compile(r"[\u0530-\u058f]")),
    ("georgian", re.compile(r"[\u10a0-\u10ff]")),
)
_NON_LATIN = re.compile(r"[\u0370-\u06ff\u10a0-\u10ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
SCRIPT_FAMILIES = frozenset(name for name, _ in _SCRIPT_RANGES)
UNCASED = frozenset({"arab", "cjk", "hebrew", "georgian"})


@dataclass(eq=False)
class Family:
    """One row of morphology.tsv, with a memo of word keys."""

    name: str
    langs: frozenset[str]
    locales: tuple[str, ...]
    min_stem: int
    cut_apostrophe: bool
    suffixes: tuple[str, ...]
    prefixes: tuple[str, ...]
    memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    loose_memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @property
    def cased(self) -> bool:
        """Whether names are capitalised in this family's script."""
        return self.name not in UNCASED

    def norm(self, word: str) -> str:
        """Lower-cased, letter-normalised word (Turkish apostrophe suffix cut)."""
        w = word.translate(_APOSTROPHES)
        if self.cut_apostrophe:
            k = w.find("'")
            if k >= 3 and len(w) - k <= 7:
                w = w[:k]
        w = w.replace("İ", "i").lower().replace("ı", "i").replace("i̇", "i")
        if self.name == "arab":
            w = unicodedata.normalize("NFC", w).translate(_ARABIC)
            w = "".join(c for c in w if not unicodedata.combining(c))
        elif self.name == "cyrl":
            w = w.translate(_CYRILLIC)
        return w

    def keys(self, word: str) -> frozenset[str]:
        """The word's normalised form and its stems (memoised)."""
        got = self.memo.get(word)
        if got is None:
            if len(self.memo) > 200_000:
                self.memo.clear()
            got = self.memo[word] = self._keys(self.norm(word))
        return got

    def loose_keys(self, word: str) -> frozenset[str]:
        """Keys with stems one letter shorter, for words of multi-word names ("Южной Кореи"),
        where the phrase as a whole keeps the match precise."""
        got = self.loose_memo.get(word)
        if got is None:
            if len(self.loose_memo) > 200_000:
                self.loose_memo.clear()
            got = self.loose_memo[word] = self._keys(self.norm(word), self.min_stem - 1)
        return got

    def _keys(self, w: str, n: int = 0) -> frozenset[str]:
        n = n or self.min_stem
        bases = [w] + [w[len(p):] for p in self.prefixes
                       if w.startswith(p) and len(w) - len(p) >= n]
        out = set(bases)
        for b in bases:
            for s in self.suffixes:
                if b.endswith(s) and len(b) - len(s) >= n:
                    out.add(b[: -len(s)])
        return frozenset(out)


@cache
def word_list(name: str) -> tuple[str, ...]:
    """One row of data/multilingual/word_lists.tsv (small lists of the multilingual tagger)."""
    for ln in _lines("multilingual/word_lists.tsv"):
        key, words = ln.split("\t")
        if key == name:
            return tuple(words.split("|"))
    raise KeyError(f"word_lists.tsv has no list {name!r}")


@lru_cache(maxsize=1)
def families() -> dict[str, Family]:
    """Every family of morphology.tsv by name."""
    out = {}
    for ln in _lines("multilingual/morphology.tsv"):
        name, langs, locales, min_stem, cut, suffixes, prefixes = (ln.split("\t") + [""] * 7)[:7]

        def split(v: str) -> tuple[str, ...]:
            return tuple(sorted(filter(None, v.split("|")), key=len, reverse=True))

        out[name] = Family(name, frozenset(langs.split("|")), tuple(locales.split("|")),
                           int(min_stem), cut == "1", split(suffixes), split(prefixes))
    return out


def text_script(text: str) -> str:
    """The non-Latin script most of the text's first letters are in ("" for Latin/none)."""
    sample = text[:1500]
    other = len(_NON_LATIN.findall(sample))
    if other == 0 or other <= len(_LATIN.findall(sample)):
        return ""
    best, count = "", 0
    for name, rx in _SCRIPT_RANGES:
        n = len(rx.findall(sample))
        if n > count:
            best, count = name, n
    return best


def family_for(lang: str | None, text: str) -> Family | None:
    """The family whose tables a text in `lang` is matched against (script decides when the
    language is unknown or written in another script than its family's)."""
    fams = families()
    script = text_script(text)
    if script:
        return fams.get(script)
    for fam in fams.values():
        if lang in fam.langs and fam.name not in SCRIPT_FAMILIES:
            return fam
    return None

"""Persons in Arabic-script text (Persian, Arabic, Urdu), which has no capital letters.

A known given name (data/multilingual/given_names_arab.txt) followed by one more word (or by
"بن"/"ابن" and a word) is a candidate; it is kept when the text backs it up: a title within
two words before it or right after it ("وزير الزراعة خالد العتيبي", "علی رضایی، سخنگوی
دولت", from person_titles.tsv), or the last word used again on its own ("... العتيبي").
"""

from __future__ import annotations

from functools import lru_cache

from .gazetteer import _lines
from .script_families import Family

_CLITICS = ("و", "ب", "ل", "ف")
_LINKS = frozenset(("بن", "ابن", "بنت"))
_SERVANT = frozenset(("عبد",))  # "عبد" + a divine name is one given name
_SEPARATORS = frozenset(" \u00a0\u200c،,")


@lru_cache(maxsize=4)
def _given(fam: Family) -> frozenset[str]:
    return frozenset(fam.norm(n) for n in _lines("multilingual/given_names_arab.txt"))


@lru_cache(maxsize=4)
def _titles(fam: Family, raw: frozenset[str]) -> frozenset[str]:
    return frozenset(fam.norm(w.replace("\u200c", "")) for w in raw)


def _given_form(word: str, fam: Family) -> str | None:
    """The word without a one-letter clitic ("ومحمد" -> "محمد") when it is a given name."""
    given = _given(fam)
    if fam.norm(word) in given:
        return word
    if word[:1] in _CLITICS and fam.norm(word[1:]) in given and len(word) > 3:
        return word[1:]
    return None


def find_arabic_persons(text: str, toks, covered: set[int], fam: Family,
                        titles: frozenset[str], stops: frozenset[str],
                        found: dict[str, None]) -> None:
    """Add "given surname" names backed by a title or a repeated surname to `found`
    (`stops`: the language's frequent words, which in Arabic include common names)."""
    title_keys = _titles(fam, titles)
    norms = [fam.norm(t.text) for t in toks]
    counts: dict[str, int] = {}
    for w in norms:
        counts[w] = counts.get(w, 0) + 1
    # a ZWNJ compound title ("رئیس‌جمهور") is two tokens: compare their joined form too
    joined = [norms[k] + norms[k + 1] if k + 1 < len(toks)
              and text[toks[k].end:toks[k + 1].start] == "\u200c" else norms[k]
              for k in range(len(toks))]
    i = 0
    while i < len(toks) - 1:
        first = _given_form(toks[i].text, fam)
        if first is None or i in covered:
            i += 1
            continue
        j = i + 1
        if not _spaced(text, toks[i], toks[j]):
            i += 1
            continue
        # compound given names: "عبد الفتاح", "محمد جواد" (a second given name, then a word)
        if (j + 1 < len(toks) and _spaced(text, toks[j], toks[j + 1])
                and (norms[i] in _SERVANT or (_given_form(toks[j].text, fam) is not None
                                              and norms[j + 1] not in stops))):
            j += 1
        if norms[j] in _LINKS and j + 1 < len(toks) and _spaced(text, toks[j], toks[j + 1]):
            j += 1
        last = norms[j]
        if j in covered or last in title_keys or len(last) < 3:
            i += 1
            continue
        before = any(joined[k] in title_keys or norms[k] in title_keys
                     or (norms[k][:1] in _CLITICS and norms[k][1:] in title_keys)
                     for k in range(max(0, i - 3), i))  # "بالرئيس": clitic + title
        after = j + 1 < len(toks) and (norms[j + 1] in title_keys or joined[j + 1] in title_keys)
        # a short given name that is also a function word ("علی"/"على"), a frequent word or a
        # given name as the surname ("أحمد منصور") needs a title; else a repeated surname will do
        weak_ok = (last not in stops and _given_form(toks[j].text, fam) is None
                   and not (norms[i] in stops and len(norms[i]) <= 3))
        if before or after or (weak_ok and counts.get(last, 0) >= 2):
            found.setdefault(" ".join([first] + [t.text for t in toks[i + 1:j + 1]]), None)
            i = j + 1
        else:
            i += 1


def _spaced(text: str, a, b) -> bool:
    gap = text[a.end:b.start]
    return gap in (" ", "\u00a0")

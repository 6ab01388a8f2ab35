"""Polish and Czech personal names back in the nominative ("z Donaldem Tuskiem" -> "Donald
Tusk", "Anną Kowalską" -> "Anna Kowalska"), by the `*_sl` rows of
data/multilingual/name_forms.tsv; a candidate given name counts only if it is a known name."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from .gazetteer import _lines


@lru_cache(maxsize=1)
def _rows() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for ln in _lines("multilingual/name_forms.tsv"):
        kind, end, rep = (ln.split("\t") + [""])[:3]
        if kind.endswith("_sl") or "_sl_" in kind:
            out.setdefault(kind, []).append((end, rep))
    return {k: tuple(v) if k == "given_sl" else
            tuple(sorted(v, key=lambda p: len(p[0]), reverse=True)) for k, v in out.items()}


def given_lemma(word: str, known: Collection[str]) -> str | None:
    """The nominative of an inflected given name that is in `known`, or None. A known name
    ending in -a is taken as written ("Anna", "Jana"); another known form may still be an
    oblique case of a name ("Janou" -> "Jana")."""
    if word in known and word.endswith("a"):
        return word
    for end, rep in _rows()["given_sl"]:
        if word.endswith(end) and len(word) - len(end) >= 2:
            cand = word[: len(word) - len(end)] + rep
            if cand in known:
                return cand
    return word if word in known else None


def surname_nominative(surname: str, female: bool) -> str:
    """A surname beside an inflected given name, put back in the nominative."""
    for end, rep in _rows()["surname_sl_f" if female else "surname_sl_m"]:
        if surname.endswith(end) and len(surname) - len(end) >= 3:
            return surname[: len(surname) - len(end)] + rep
    return surname

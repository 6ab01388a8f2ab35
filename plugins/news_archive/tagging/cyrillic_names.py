"""Forms of Cyrillic personal names: given names, patronymics and initials back in the
nominative, and the gender a name carries.

Russian, Ukrainian and Belarusian inflect names ("с Анной Кравцовой", "Сергея Ивановича
Морозова"); the endings swapped here come from data/multilingual/name_forms.tsv. A candidate
nominative only counts when it is a known given name (`given_names_cyrl.txt`), or, for
patronymics, when it has a patronymic suffix.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import _lines

_UPPER = "А-ЯЁІЇЄҚҒҮҰӨҺҶӢӮҲ"
_LOWER = "а-яёіїєқғүұөһҷӣӯҳʼ'"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
# "В. П. Корнилов", "В.П. Корнилов" and "Корнилов В. П."
INITIALS_FIRST = re.compile(rf"(?<![\w.])([{_UPPER}])\.\s?([{_UPPER}])\.\s?({_WORD})")
INITIALS_LAST = re.compile(rf"(?<![\w.-])({_WORD})\s([{_UPPER}])\.\s?([{_UPPER}])\."
                           rf"(?!\s?[{_UPPER}][{_LOWER}])")  # not "в Казани В. П. Корнилов"


@lru_cache(maxsize=1)
def _rows() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for ln in _lines("multilingual/name_forms.tsv"):
        kind, end, rep = (ln.split("\t") + [""])[:3]
        out.setdefault(kind, []).append((end, rep))
    return {k: tuple(sorted(v, key=lambda p: len(p[0]), reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _given() -> frozenset[str]:
    return frozenset(n.replace("ё", "е") for n in _lines("multilingual/given_names_cyrl.txt"))


@lru_cache(maxsize=4096)
def given_lemma(word: str) -> str | None:
    """The nominative of an (inflected) given name ("Анной" -> "Анна"), or None."""
    w = word.replace("ё", "е")
    if w in _given():
        return w
    for end, rep in _rows()["given"]:
        if w.endswith(end) and len(w) - len(end) >= 2:
            cand = w[: len(w) - len(end)] + rep
            if cand in _given():
                return cand
    return None


@lru_cache(maxsize=4096)
def patronymic(word: str) -> tuple[str, bool] | None:
    """(nominative, female) of a patronymic in any case ("Ивановича" -> ("Иванович", False)),
    or None when the word is not one."""
    for end, rep in _rows()["patronymic"]:
        if word.endswith(end) and len(word) - len(end) >= 3:
            nom = word[: len(word) - len(end)] + rep
            return nom, nom.endswith("на")
    return None


def is_female_given(lemma: str) -> bool:
    """Whether a nominative given name is a woman's (by ending, with the listed exceptions)."""
    return lemma.endswith(("а", "я")) and lemma not in _rows_set("male_in_a")


@lru_cache(maxsize=8)
def _rows_set(kind: str) -> frozenset[str]:
    return frozenset(end for end, _ in _rows().get(kind, ()))


def surname_nominative(surname: str, female: bool) -> str:
    """A surname put back in the nominative for a man or a woman ("Кравцовой" -> "Кравцова",
    "Морозова" -> "Морозов" for a man)."""
    for end, rep in _rows()["surname_f" if female else "surname_m"]:
        if surname.endswith(end) and len(surname) - len(end) >= 3:
            return surname[: len(surname) - len(end)] + rep
    return surname

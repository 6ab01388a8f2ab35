"""Countries: gazetteer spans (names, demonyms, capitals, seats) plus ambiguity rules."""

from __future__ import annotations

from functools import cached_property

from .document import Doc, Span
from .gazetteer import phrase_key


def _has_any(doc: Doc, phrases: list[str]) -> bool:
    words = doc.words
    ws = doc.words_set
    for p in phrases:
        key = phrase_key(p)
        if key[0] not in ws:
            continue
        if len(key) == 1:
            return True
        n, k = len(key), words.index(key[0])
        while True:
            if tuple(words[k:k + n]) == key:
                return True
            try:
                k = words.index(key[0], k + 1)
            except ValueError:
                break
    return False


def _count_any(doc: Doc, words: list[str]) -> int:
    ws = set(words)
    return sum(1 for w in doc.words if w in ws)


def _actor(doc: Doc, s: Span) -> bool:
    """Used as an actor: "X's", "X said", "X vowed"."""
    nxt = doc.next_word(s.j)
    return nxt in ("'s", "’s") or nxt in doc.data.sets["actor_verbs"]


def _after_us_state(doc: Doc, s: Span) -> bool:
    """'Paris, Texas' / 'Athens, Ga.': a US town, not the capital."""
    if doc.next_word(s.j) != ",":
        return False
    nxt = doc.span_at.get(s.j + 1)
    return nxt is not None and nxt.kind == "place"


class _Ambiguity:
    """Document-level resolutions, each computed on first use."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.amb = doc.data.lex["ambiguity"]

    @cached_property
    def georgia_is_state(self) -> bool:
        a = self.amb["GE_vs_US_state"]
        return _count_any(self.doc, a["state_cues"]) > _count_any(self.doc, a["country_cues"])

    @cached_property
    def congo(self) -> str:
        a = self.amb["CG_vs_CD"]
        cg, cd = _has_any(self.doc, a["cg_cues"]), _has_any(self.doc, a["cd_cues"])
        return "CG" if cg and not cd else "CD"

    @cached_property
    def korea(self) -> str:
        a = self.amb["KP_vs_KR"]
        kp, kr = _has_any(self.doc, a["kp_cues"]), _has_any(self.doc, a["kr_cues"])
        return "KP" if kp and not kr else "KR"

    @cached_property
    def washington_is_state(self) -> bool:
        return bool(_has_any(self.doc, self.amb["US_state_washington"]["state_cues"]))

    @cached_property
    def turkey_is_food(self) -> bool:
        a = self.amb["turkey_food"]
        food = any(w in self.doc.words_set for w in a["food_cues"])
        country = any(w in self.doc.words_set for w in a["country_cues"])
        return food and not country


def _resolve(doc: Doc, s: Span, amb: _Ambiguity) -> str | None:
    _, code, kind, weak = s.payload
    word = doc.words[s.i]
    if weak and not _actor(doc, s):
        return None
    if kind == "cap" and _after_us_state(doc, s):
        return None
    if code == "KR?KP":
        return amb.korea
    if code == "CD?CG":
        return amb.congo
    if code == "GE" and word == "Georgia" and amb.georgia_is_state:
        return None
    if code == "US" and word == "Washington" and s.j - s.i == 1:
        nxt = doc.next_word(s.j)
        if nxt in ("state", "State", "County") or amb.washington_is_state:
            return None
    if code == "TR" and word == "Turkey" and amb.turkey_is_food:
        return None
    return code


def _hyphen_parts(doc: Doc, t: int) -> list[str]:
    """Country codes named inside a hyphenated token ('Russian-led', 'Tajik-Afghan')."""
    out = []
    idx = doc.data.index
    for part in doc.words[t].split("-"):
        hit = idx.entries.get((part,))
        if hit:
            for p in hit:
                if p[0] == "country" and not p[3] and "?" not in p[1]:
                    out.append(p[1])
                    break
    return out


def find_countries(doc: Doc) -> list[str]:
    """ISO codes referenced in the document, in first-mention order."""
    amb = _Ambiguity(doc)
    found: dict[str, None] = {}
    covered = set()
    for s in doc.spans:
        covered.update(range(s.i, s.j))
        if s.kind != "country" or any(doc.owner[t] for t in range(s.i, s.j)):
            continue
        code = _resolve(doc, s, amb)
        if code:
            found[code] = None
    for t in [k for k, w in enumerate(doc.words) if "-" in w]:
        if t not in covered and not doc.owner[t]:
            for code in _hyphen_parts(doc, t):
                found[code] = None
    return list(found)

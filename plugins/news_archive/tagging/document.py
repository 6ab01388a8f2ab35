"""A tokenized article with gazetteer spans and capitalised chunks, shared by the recognisers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from .gazetteer import Data, Token, load, split_tokens

OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "—", "–", "-", "•", "*"})
ENDERS = frozenset({".", "!", "?", ":", ";", "—", "–", "•", "|"})
CONNECTORS = frozenset({"of", "for", "and", "&", "the", "de", "du", "des", "von", "van", "der",
                        "den", "da", "di", "del", "della", "la", "le", "on", "in", "'s", "’s"})
ABBREV = frozenset({"St", "Jr", "Sr", "Dr", "Co", "Corp", "Inc", "Ltd", "Mr", "Mrs", "Ms", "Sen",
                    "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "Bros", "Mt", "Ft",
                    "No", "Adm", "Cmdr", "Maj", "Rev", "Cpl", "Pvt", "Supt", "Det", "Insp"})

FINAL_ABBREV = frozenset({"Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Bros"})


_PREFIXED = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|ben)[-'’][A-Z]")
_PREFIXED_TOKEN = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|ben)[-'’][A-Z]\w*")


def name_cap(w: str) -> bool:
    """Capitalised, or a name with a lower-case Arabic article or particle ('al-Harbi')."""
    return bool(w) and (w[0].isupper() or (w[0] in "aeib" and _PREFIXED.match(w) is not None))


def is_cap(w: str) -> bool:
    """Capitalised word or acronym (first character an uppercase letter)."""
    return bool(w) and w[0].isupper()


def _title_caps(w: str) -> str:
    """ALL-CAPS words of three or more letters in title case ('FRANCE' -> 'France')."""
    return w.title() if len(w) > 2 and w.isupper() and w.isalpha() else w


@dataclass
class Span:
    """A gazetteer match over tokens [i, j)."""

    i: int
    j: int
    kind: str  # country | place | idiom | org
    payload: tuple
    alts: list[tuple] = field(default_factory=list)
    suppressed: bool = False


@dataclass
class Doc:
    """Tokens, sentence starts, gazetteer spans and claimed tokens of one text.

    Tokens are kept as parallel lists rather than one object per token: ``words`` holds the
    token strings and ``gaps`` the (whitespace-only) text before each token, with one extra
    trailing entry; character offsets are derived from them only when ``surface`` needs them.
    """

    text: str
    data: Data = field(default_factory=load)
    words: list[str] = field(init=False)
    gaps: list[str] = field(init=False)  # gaps[k]: text between tokens k - 1 and k
    caps: list[bool] = field(init=False)  # is_cap(words[k])
    capital: set[str] = field(init=False)  # the words of `caps`
    starts: list[bool] = field(init=False)
    spans: list[Span] = field(init=False)
    span_at: dict[int, Span] = field(init=False)
    owner: list[str] = field(init=False)  # "" | "org" | "person" | "place" ...
    span_of: list = field(init=False)
    words_set: frozenset[str] = field(init=False)
    thing_acronyms: set[str] = field(init=False, default_factory=set)  # "(EUS)" of a "Stage"
    _offsets: list[int] | None = field(init=False, default=None, repr=False)
    _parts: list[str] = field(init=False, repr=False)  # [gap, token, ..., gap]

    def __post_init__(self) -> None:
        parts = self._parts = split_tokens(self.text)
        self.words = parts[1::2]
        self.gaps = parts[0::2]
        self.words_set = frozenset(self.words)
        capital = {w for w in self.words_set if w[0].isupper()}
        if "-" in self.text:  # "al-Harbi", "bin-Salman": names whose first letter is lower-case
            full = _PREFIXED_TOKEN.fullmatch
            capital.update(w for w in self.words_set if w[0] in "aeib" and full(w))
        self.capital = capital
        self.caps = [w in capital for w in self.words]
        self.starts = self._sentence_starts()
        n = len(self.words)
        self.owner = [""] * n
        self.spans = self._match()
        self.span_at = {s.i: s for s in self.spans}
        self.span_of: list[Span | None] = [None] * n
        for s in self.spans:
            for t in range(s.i, s.j):
                self.span_of[t] = s

    @property
    def tokens(self) -> list[Token]:
        """Tokens with their character offsets (built on demand)."""
        off = self._token_offsets()
        return [Token(w, off[2 * k], off[2 * k + 1]) for k, w in enumerate(self.words)]

    def _token_offsets(self) -> list[int]:
        """Cumulative lengths of gap/token parts: token k spans [off[2k], off[2k + 1])."""
        if self._offsets is None:
            self._offsets = list(accumulate(map(len, self._parts)))
        return self._offsets

    def _sentence_starts(self) -> list[bool]:
        """Per token: does a sentence (or line) start here, skipping opening punctuation?

        A token starts one at the text's or a line's start, after an ender, or after an
        opener (on the same line) that itself stands where a sentence starts.
        """
        out: list[bool] = []
        append = out.append
        start, prev = True, "."  # the first token starts one
        for w, gap in zip(self.words, self.gaps, strict=False):
            if "\n" in gap:
                start = True
            elif prev not in OPENERS:
                start = prev in ENDERS
            append(start)
            prev = w
        return out

    def _match(self) -> list[Span]:
        """Greedy longest gazetteer matches, left to right (ALL-CAPS words also title-cased)."""
        idx = self.data.index
        maxlen = idx.maxlen
        words = self.words
        spans: list[Span] = []
        prio = {"org": 0, "idiom": 1, "place": 2, "country": 3}
        end = 0  # tokens before `end` are inside the last span
        # only tokens that start a phrase or are ALL-CAPS words can start a match
        entries, seconds, nw = idx.entries, idx.seconds, len(words)
        ws = self.words_set
        openers = ws & maxlen.keys()
        # an ALL-CAPS word matters only when its title case starts a phrase ("FRANCE")
        openers.update(w for w in self.capital if len(w) > 2 and w.isupper() and w.isalpha()
                       and w.title() in maxlen)
        for i in [k for k, w in enumerate(words) if w in openers]:
            if i < end:
                continue
            w = words[i]
            n = maxlen.get(w)
            if n is None:
                hit = None
            elif n > 1 and i + 1 < nw and words[i + 1] in seconds[w]:
                hit = idx.longest(words, i)
            else:  # no longer phrase can start here: the word alone (`longest`, inlined)
                alone = entries.get((w,))
                hit = (1, alone) if alone else None
            if hit is None and len(w) > 2 and w.isupper() and w.isalpha():
                hit = self._title_cased_place(i)
            if hit is None:
                continue
            k, pays = hit
            pay = pays[0] if len(pays) == 1 else min(pays, key=lambda p: prio[p[0]])
            spans.append(Span(i, i + k, pay[0], pay, [p for p in pays if p[0] == pay[0]]))
            end = i + k
        return spans

    def _title_cased_place(self, i: int) -> tuple[int, list[tuple]] | None:
        """Longest country or place match at ALL-CAPS token i read in title case ('FRANCE')."""
        idx, words = self.data.index, self.words
        first = _title_caps(words[i])
        n = idx.maxlen.get(first)
        if not n or first == words[i]:
            return None
        titled = [first] + [_title_caps(x) for x in words[i + 1 : i + n]]
        hit = idx.longest(titled, 0)
        if hit is None:
            return None
        k, pays = hit
        pays = [p for p in pays if p[0] in ("country", "place")]
        return (k, pays) if pays else None

    def surface(self, i: int, j: int) -> str:
        """Original text of tokens [i, j)."""
        off = self._token_offsets()
        return self.text[off[2 * i]:off[2 * j - 1]]

    def positions(self, targets: set[str] | frozenset[str]) -> list[int]:
        """Sorted indices of the tokens that are in `targets` (a few words: scanned for at C
        speed, one word at a time; many: one pass over the tokens)."""
        words = self.words
        present = [w for w in targets if w in self.words_set]
        if len(present) > 6:
            wanted = set(present)
            return [k for k, w in enumerate(words) if w in wanted]
        out: list[int] = []
        for w in present:
            k = -1
            try:
                while True:
                    k = words.index(w, k + 1)
                    out.append(k)
            except ValueError:
                pass
        if len(present) > 1:
            out.sort()
        return out

    def next_word(self, j: int) -> str:
        """Word at index j or ''."""
        return self.words[j] if 0 <= j < len(self.words) else ""

    def chunks(self) -> list[tuple[int, int]]:
        """Maximal capitalised token runs [i, j), broken at known-organization spans."""
        words, caps, gaps, n = self.words, self.caps, self.gaps, len(self.words)
        particles = self.data.sets["particles"]
        org_tok = [False] * n
        for s in self.spans:
            if s.kind == "org" and not s.suppressed:
                for t in range(s.i, s.j):
                    org_tok[t] = True
        out = []
        i = 0
        find = caps.index
        while i < n:
            if not caps[i]:
                try:
                    i = find(True, i)  # the next capitalised token (scanned at C speed)
                except ValueError:
                    break
            if org_tok[i]:
                i += 1
                continue
            j = i + 1
            while j < n and not org_tok[j]:
                w = words[j]
                if "\n" in gaps[j]:
                    break
                if caps[j]:
                    j += 1
                elif w == "." and words[j - 1] in ABBREV or (
                    w == "." and len(words[j - 1]) == 1 and words[j - 1].isupper()
                ):
                    j += 1
                    if words[j - 2] in FINAL_ABBREV:
                        break
                elif (w in CONNECTORS and j + 1 < n and caps[j + 1]
                      and not org_tok[j + 1] and len(gaps[j]) < 2):
                    j += 1
                elif w in particles:  # "van der Berg", "de la Cruz", "bin Saleh"
                    k = j + 1
                    while k < n and k - j < 3 and words[k] in particles and len(gaps[k]) < 2:
                        k += 1
                    if k < n and caps[k] and not org_tok[k] and len(gaps[k]) < 2:
                        j = k
                    else:
                        break
                else:
                    break
            out.append((i, j))
            i = j
        return out

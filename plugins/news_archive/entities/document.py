"""A tokenized article with gazetteer spans and capitalised chunks, shared by the recognisers."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Data, Token, load, tokenize

OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "—", "–", "-", "•", "*"})
ENDERS = frozenset({".", "!", "?", ":", ";", "—", "–", "•", "|"})
CONNECTORS = frozenset({"of", "for", "and", "&", "the", "de", "du", "des", "von", "van", "der",
                        "den", "da", "di", "del", "della", "la", "le", "on", "in", "'s", "’s"})
ABBREV = frozenset({"St", "Jr", "Sr", "Dr", "Co", "Corp", "Inc", "Ltd", "Mr", "Mrs", "Ms", "Sen",
                    "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "Bros", "Mt", "Ft",
                    "No", "Adm", "Cmdr", "Maj", "Rev", "Cpl", "Pvt", "Supt", "Det", "Insp"})

FINAL_ABBREV = frozenset({"Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Bros"})


def is_cap(w: str) -> bool:
    """Capitalised word or acronym (first character an uppercase letter)."""
    return bool(w) and w[0].isupper()


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
    """Tokens, sentence starts, gazetteer spans and claimed tokens of one text."""

    text: str
    data: Data = field(default_factory=load)
    tokens: list[Token] = field(init=False)
    words: list[str] = field(init=False)
    starts: list[bool] = field(init=False)
    spans: list[Span] = field(init=False)
    span_at: dict[int, Span] = field(init=False)
    owner: list[str] = field(init=False)  # "" | "org" | "person" | "place" ...
    span_of: list = field(init=False)
    words_set: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = tokenize(self.text)
        self.words = [t.text for t in self.tokens]
        self.words_set = frozenset(self.words)
        self.starts = self._sentence_starts()
        self.owner = [""] * len(self.tokens)
        self.spans = self._match()
        self.span_at = {s.i: s for s in self.spans}
        self.span_of: list[Span | None] = [None] * len(self.tokens)
        for s in self.spans:
            for t in range(s.i, s.j):
                self.span_of[t] = s

    def _sentence_starts(self) -> list[bool]:
        out = []
        text, toks = self.text, self.tokens
        for i, t in enumerate(toks):
            k = i - 1
            while k >= 0 and toks[k].text in OPENERS and "\n" not in text[toks[k].end:t.start]:
                k -= 1
            if k < 0 or "\n" in text[toks[k].end:toks[k + 1].start if k + 1 < i else t.start]:
                out.append(True)
            else:
                out.append(toks[k].text in ENDERS or toks[k].text in OPENERS)
        return out

    def _match(self) -> list[Span]:
        idx = self.data.index
        words = self.words
        titled = [w.title() if len(w) > 2 and w.isupper() and w.isalpha() else w for w in words]
        spans: list[Span] = []
        i, n = 0, len(words)
        prio = {"org": 0, "idiom": 1, "place": 2, "country": 3}
        while i < n:
            hit = idx.longest(words, i)
            if hit is None and titled[i] != words[i]:
                hit = idx.longest(titled, i)
                if hit:
                    k, pays = hit
                    pays = [p for p in pays if p[0] in ("country", "place")]
                    hit = (k, pays) if pays else None
            if hit is None:
                i += 1
                continue
            k, pays = hit
            pay = min(pays, key=lambda p: prio[p[0]])
            spans.append(Span(i, i + k, pay[0], pay, [p for p in pays if p[0] == pay[0]]))
            i += k
        return spans

    def surface(self, i: int, j: int) -> str:
        """Original text of tokens [i, j)."""
        return self.text[self.tokens[i].start:self.tokens[j - 1].end]

    def next_word(self, j: int) -> str:
        """Word at index j or ''."""
        return self.words[j] if 0 <= j < len(self.words) else ""

    def chunks(self) -> list[tuple[int, int]]:
        """Maximal capitalised token runs [i, j), broken at known-organization spans."""
        words, n = self.words, len(self.words)
        org_tok = [False] * n
        for s in self.spans:
            if s.kind == "org" and not s.suppressed:
                for t in range(s.i, s.j):
                    org_tok[t] = True
        out = []
        i = 0
        while i < n:
            if org_tok[i] or not is_cap(words[i]):
                i += 1
                continue
            j = i + 1
            while j < n and not org_tok[j]:
                w = words[j]
                if "\n" in self.text[self.tokens[j - 1].end:self.tokens[j].start]:
                    break
                if is_cap(w):
                    j += 1
                elif w == "." and words[j - 1] in ABBREV or (
                    w == "." and len(words[j - 1]) == 1 and words[j - 1].isupper()
                ):
                    j += 1
                    if words[j - 2] in FINAL_ABBREV:
                        break
                elif (w in CONNECTORS and j + 1 < n and is_cap(words[j + 1])
                      and not org_tok[j + 1] and self.tokens[j].start - self.tokens[j - 1].end < 2):
                    j += 1
                else:
                    break
            out.append((i, j))
            i = j
        return out

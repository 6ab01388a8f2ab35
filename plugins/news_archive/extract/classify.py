"""Tell article blocks from page chrome, and find the article's region in a block list.

Every block gets a class from general, language-light features (length, sentence
punctuation, list markup, boilerplate vocabulary from ``data/boilerplate.tsv``); the article is
then the contiguous run of blocks with the best balance of article text over chrome (a
maximum-sum segment, as in body-text extraction), trimmed of chrome inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Block, is_wide
from .resources import pattern_groups

PATTERNS = pattern_groups("boilerplate.tsv")
_LINE = re.compile(r"^(?:" + PATTERNS["line"].pattern + r")$", re.IGNORECASE)
# searched in lower-cased text without IGNORECASE (much faster for a large alternation)
_PHRASE = re.compile(PATTERNS["phrase"].pattern)
_CAPTION = PATTERNS["caption"]
_CAPTION_END = PATTERNS["caption_end"]
_END = PATTERNS["end"]
_ASIDE = PATTERNS["aside"]
CREDIT = PATTERNS["credit"]
BYLINE = PATTERNS["byline"]

_SENTENCE_END = re.compile(r"[.!?。！？…](?:[\"'”’»」』)\]]*)(?:\s|$)|[.!?。！？][\"'”’»」』)]*$")
_TERMINAL = re.compile(r"[.!?。！？…:;][\"'”’»」』)\]]*$")
_WORD = re.compile(r"\w+")

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"


@dataclass
class Scored:
    """A block with its features and class."""

    block: Block
    weight: int  # length with CJK characters counted three times
    words: int
    sentences: int
    klass: str
    reason: str = ""

    @property
    def text(self) -> str:
        return self.block.text


def text_weight(text: str) -> int:
    """Length of `text`, counting a CJK character like three Latin ones (about a word)."""
    if text.isascii():
        return len(text)
    return sum(3 if is_wide(c) else 1 for c in text)


def is_caption(text: str) -> bool:
    """A photo caption or credit line."""
    if len(text) >= 220:
        return False
    return bool(_CAPTION.match(text) or _CAPTION_END.search(text[-100:]))


def is_boilerplate(text: str) -> bool:
    """A navigation/sharing/consent/footer block by its vocabulary."""
    if len(text) < 60 and _LINE.match(text):
        return True
    return len(text) < 300 and bool(_PHRASE.search(text.lower()))


def is_end_marker(text: str) -> bool:
    """A heading that introduces after-article furniture ("Related", "Comments", ...)."""
    return len(text) < 160 and bool(_END.search(text))


def is_aside_marker(text: str) -> bool:
    """A heading that introduces a box of links ("Related", "Read more", "Tags:")."""
    return len(text) < 80 and bool(_ASIDE.search(text))


def score_block(b: Block) -> Scored:
    """Classify one block as good (article prose), near, short or bad (chrome)."""
    text = b.text
    weight = text_weight(text)
    words = len(_WORD.findall(text))
    sentences = len(_SENTENCE_END.findall(text))
    s = Scored(b, weight, words, sentences, SHORT)
    if is_boilerplate(text):
        s.klass, s.reason = BAD, "boilerplate"
    elif is_caption(text):
        s.klass, s.reason = BAD, "caption"
    elif b.kind == "li":
        if weight >= 150 and sentences >= 1:
            s.klass = NEAR
        elif weight >= 80 and _TERMINAL.search(text):
            s.klass = SHORT
        elif s.words >= 4 and weight >= 25:
            s.klass = SHORT
        else:
            s.klass, s.reason = BAD, "list"
    elif b.kind == "h":
        s.klass = SHORT
    elif weight >= 100 and sentences >= 1:
        s.klass = GOOD
    elif weight >= 60 and (sentences >= 1 or _TERMINAL.search(text)):
        s.klass = NEAR
    elif words <= 3 and not _TERMINAL.search(text) and weight < 40:
        s.klass, s.reason = BAD, "fragment"
    return s


SHORT_PENALTY = 15.0
BAD_MIN_PENALTY = 50.0
NEAR_FACTOR = 0.5
END_PENALTY = 600.0


def segment_value(s: Scored) -> float:
    """Contribution of a block to a candidate article region."""
    if s.klass == GOOD:
        return float(s.weight)
    if s.klass == NEAR:
        return s.weight * NEAR_FACTOR
    if s.klass == SHORT:
        return -SHORT_PENALTY
    if s.reason == "end":
        return -END_PENALTY
    if s.reason == "aside":
        return -SHORT_PENALTY  # a link box inside the article does not end it
    return -max(min(s.weight, 200), BAD_MIN_PENALTY)


def score_blocks(blocks: list[Block]) -> list[Scored]:
    """Score every block; short blocks repeated three times or more are chrome."""
    counts: dict[str, int] = {}
    for b in blocks:
        if len(b.text) < 200:
            counts[b.text] = counts.get(b.text, 0) + 1
    scored = []
    for b in blocks:
        s = score_block(b)
        if counts.get(b.text, 0) >= 3 and s.klass != BAD:
            s.klass, s.reason = BAD, "repeated"
        if b.kind != "li" and is_end_marker(b.text):  # a "Comment" share button is no end
            s.klass, s.reason = BAD, "end"
        scored.append(s)
    _mark_asides(scored)
    return scored


def _mark_asides(scored: list[Scored]) -> None:
    """Mark link boxes ("Related", "Read more" + the non-prose blocks under them) as chrome."""
    i = 0
    while i < len(scored):
        s = scored[i]
        if is_aside_marker(s.text) and (s.block.kind != "p" or len(s.text) < 30):
            s.klass, s.reason = BAD, "aside"
            j = i + 1
            while j < len(scored) and scored[j].klass != GOOD and j - i <= 12:
                if scored[j].reason == "end":
                    break
                scored[j].klass, scored[j].reason = BAD, "aside"
                j += 1
            i = j
            continue
        i += 1


def cut_at_end_marker(scored: list[Scored], start: int, end: int) -> int:
    """The region's new end: just before the first after-article marker ("Comments",
    "Most popular", ...) that follows some article prose."""
    prose = 0
    i = start
    while i <= end:
        s = scored[i]
        if prose >= 150 and is_end_marker(s.text):
            return i - 1
        if s.klass == GOOD:
            prose += s.weight
        i += 1
    return end


def best_region(scored: list[Scored]) -> tuple[int, int]:
    """Inclusive [start, end] indices of the maximum-sum run of blocks (-1, -1 if none)."""
    best, best_s, best_e = 0.0, -1, -1
    cur, cur_s = 0.0, 0
    for i, s in enumerate(scored):
        v = segment_value(s)
        if cur <= 0:
            cur, cur_s = v, i
        else:
            cur += v
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    return best_s, best_e

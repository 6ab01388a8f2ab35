"""Tell article blocks from page chrome, and find the article's region in a block list.

Every block gets a class from general, language-light features (length, sentence
punctuation, list markup, boilerplate vocabulary from ``data/boilerplate.tsv``); the article is
then the contiguous run of blocks with the best balance of article text over chrome (a
maximum-sum segment, as in body-text extraction), trimmed of chrome inside it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .blocks import Block, count_wide
from .resources import GuardedPattern, byline_words, pattern_groups

PATTERNS = pattern_groups("boilerplate.tsv")
_LINE = re.compile(r"^(?:" + PATTERNS["line"].pattern + r")$", re.IGNORECASE)
# searched in lower-cased text without IGNORECASE (much faster for a large alternation)
# (after a cheap substring prefilter on the literals its alternatives need)
_PHRASE = GuardedPattern(PATTERNS["phrase"].pattern)
_CAPTION = PATTERNS["caption"]
_CAPTION_END = PATTERNS["caption_end"]
_CAPTION_END_G = GuardedPattern(_CAPTION_END.pattern, re.IGNORECASE)
_GALLERY = PATTERNS["gallery"]
_PHOTO_LEAD = PATTERNS["photo_lead"]
_CAPTION_TOGGLE = PATTERNS["caption_toggle"]
_TEASER_LINK = PATTERNS["teaser_link"]
TEASER_LINK_MAX = 240  # characters of a "Read more: ..." line
PHOTO_LEAD_MAX = 400  # characters of an agency-style caption ("In this photo taken ...")
_END = PATTERNS["end"]
_ASIDE = PATTERNS["aside"]
_TAGS = PATTERNS["tags"]
CREDIT = PATTERNS["credit"]
BYLINE = re.compile(rf"^(?:{byline_words('line')})\s+\S", re.IGNORECASE)

_SENTENCE_END = re.compile(r"[.!?。！？…](?:[\"'”’»」』)\]]*)(?:\s|$)|[.!?。！？][\"'”’»」』)]*$")
_TERMINAL = re.compile(r"[.!?。！？…:;][\"'”’»」』)\]]*$")
_WORD = re.compile(r"\w+")

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"


@dataclass(slots=True, init=False)
class Scored:
    """A block with its features and class."""

    block: Block
    weight: int  # length with CJK characters counted three times
    words: int
    sentences: int
    klass: str
    reason: str
    text: str = field(repr=False, compare=False)  # the block's text

    def __init__(self, block: Block, weight: int, words: int, sentences: int, klass: str,
                 reason: str = "") -> None:
        self.block, self.weight, self.words, self.sentences = block, weight, words, sentences
        self.klass, self.reason, self.text = klass, reason, block.text


def text_weight(text: str) -> int:
    """Length of `text`, counting a CJK character like three Latin ones (about a word)."""
    return len(text) + 2 * count_wide(text)


@lru_cache(maxsize=1 << 16)
def is_caption(text: str) -> bool:
    """A photo caption or credit line."""
    if text[:1].isdigit() and _GALLERY.match(text):
        return True
    lead = text.lstrip("[(")  # (inscriptis shows an image's alt text in brackets)
    if lead[:3].lower() == "in " and len(lead) < PHOTO_LEAD_MAX and _PHOTO_LEAD.match(lead):
        return True
    if text.endswith(("more", "less")) and _CAPTION_TOGGLE.search(text[-12:]):
        return True
    if len(text) >= 220:
        return False
    if _CAPTION.match(text):  # anchored: cheaper than any prefilter
        return True
    if not _CAPTION_END_G.maybe(text[-100:].lower()):
        return False
    m = _CAPTION_END.search(text[-100:])
    return bool(m) and not _names_agency_in_prose(text[-100:], m.start())


# A word that may stand right before a photo agency's name in a caption credit ("via AFP",
# "Photo: Reuters"); any other lower-case word there makes the agency part of a sentence
# ("..., an official told Reuters.", "..., сообщает агентство Reuters.").
_CREDIT_LEAD = re.compile(
    r"(?:via|by|courtesy|of|photos?|foto|фото|images?|credit|pool|pictures?|photograph)$", re.I
)
_WORD_BEFORE = re.compile(r"(\w+)\W{0,2}$")


def _names_agency_in_prose(text: str, at: int) -> bool:
    """True when the agency name ending `text` (at index `at`) is the object of a sentence
    rather than a caption credit: it follows a lower-case word and ends the sentence."""
    agency = text[at:].strip()
    if agency.isupper() or not re.search(r"[.!?…»\"”]\W*$", agency):
        return False  # "... REUTERS/Name" or a credit without sentence punctuation
    m = _WORD_BEFORE.search(text[:at].rstrip())
    if not m or not text[:at].rstrip() or text[:at].rstrip()[-1] in "./|:—–-(©":
        return False
    word = m.group(1)
    if word.lower() in ("via", "by", "of"):  # "Photo by Reuters." vs "first reported by Reuters."
        m2 = _WORD_BEFORE.search(text[:at].rstrip()[: -len(word)].rstrip())
        return bool(m2) and m2.group(1)[:1].islower() and not _CREDIT_LEAD.match(m2.group(1))
    return word[:1].islower() and not _CREDIT_LEAD.match(word)


def is_boilerplate(text: str) -> bool:
    """A navigation/sharing/consent/footer block by its vocabulary."""
    if len(text) < 60 and _LINE.match(text):
        return True
    return len(text) < 300 and _PHRASE.test(text.lower())


@lru_cache(maxsize=1 << 16)
def is_end_marker(text: str) -> bool:
    """A heading that introduces after-article furniture ("Related", "Comments", ...)."""
    return len(text) < 160 and bool(_END.search(text))


@lru_cache(maxsize=1 << 16)
def is_aside_marker(text: str) -> bool:
    """A heading that introduces a box of links ("Related", "Read more", "Tags:")."""
    if len(text) < 80:
        return bool(_ASIDE.search(text))
    return len(text) < 250 and bool(_TAGS.match(text))


DOUBLED_MIN = 30  # characters of a block that is one phrase shown twice


def is_doubled(text: str) -> bool:
    """A block that is one phrase twice over ("Title of a story Title of a story"): a teaser
    card's image alt text or link title beside its headline."""
    n = len(text)
    for k in (n // 2, n // 2 + 1, n // 2 - 1):
        half = text[:k].rstrip()
        if half == text[k:].lstrip() and half.count(" ") >= 2:  # a title: three words or more
            return True
    return False


@lru_cache(maxsize=1 << 16)
def _text_class(text: str, kind: str) -> tuple[int, int, int, str, str]:
    """(weight, words, sentences, class, reason) of a block's text; cached because the same
    chrome lines recur across the pages of a site."""
    weight = text_weight(text)
    words = len(_WORD.findall(text))
    sentences = len(_SENTENCE_END.findall(text))
    klass, reason = SHORT, ""
    if is_boilerplate(text):
        klass, reason = BAD, "boilerplate"
    elif is_caption(text):
        klass, reason = BAD, "caption"
    elif weight >= DOUBLED_MIN and is_doubled(text):
        klass, reason = BAD, "teaser"
    elif len(text) < TEASER_LINK_MAX and _TEASER_LINK.match(text):
        klass, reason = BAD, "aside"  # "Read more: <another story>": a link set into the text
    elif kind == "li":
        if weight >= 150 and sentences >= 1:
            klass = NEAR
        elif weight >= 80 and _TERMINAL.search(text):
            klass = SHORT
        elif words >= 4 and weight >= 25:
            klass = SHORT
        else:
            klass, reason = BAD, "list"
    elif kind == "h":
        klass = SHORT
    elif weight >= 100 and sentences >= 1:
        klass = GOOD
    elif weight >= 60 and (sentences >= 1 or _TERMINAL.search(text)):
        klass = NEAR
    elif words <= 3 and not _TERMINAL.search(text) and weight < 40:
        klass, reason = BAD, "fragment"
    return weight, words, sentences, klass, reason


def score_block(b: Block) -> Scored:
    """Classify one block as good (article prose), near, short or bad (chrome)."""
    weight, words, sentences, klass, reason = _text_class(b.text, b.kind)
    return Scored(b, weight, words, sentences, klass, reason)


@lru_cache(maxsize=1 << 16)
def _block_facts(text: str, kind: str) -> tuple[int, int, int, str, str, bool, bool]:
    """`_text_class` of a block plus whether it ends the article (`is_end_marker`, not for
    list items: a "Comment" share button is no end) and whether it opens a link box
    (`is_aside_marker`): everything `score_blocks` asks of its text, in one lookup."""
    return (*_text_class(text, kind), kind != "li" and is_end_marker(text),
            is_aside_marker(text))


SHORT_PENALTY = 15.0
BAD_MIN_PENALTY = 50.0
NEAR_FACTOR = 0.5
END_PENALTY = 600.0


def segment_value(s: Scored) -> float:
    """Contribution of a block to a candidate article region."""
    if s.reason == "double":
        return -SHORT_PENALTY  # shown twice in a row: an image's alt text and caption
    if s.klass == GOOD:
        return float(s.weight)
    if s.klass == NEAR:
        return s.weight * NEAR_FACTOR
    if s.klass == SHORT:
        return -SHORT_PENALTY
    if s.reason == "end":
        return -END_PENALTY
    if s.reason in ("aside", "caption"):
        return -SHORT_PENALTY  # a link box or a photo caption inside the article does not end it
    return -max(min(s.weight, 200), BAD_MIN_PENALTY)


def score_blocks(blocks: list[Block]) -> list[Scored]:
    """Score every block; short blocks repeated three times or more are chrome."""
    counts = Counter(b.text for b in blocks if len(b.text) < 200)
    scored = []
    asides = []
    for b in blocks:
        text = b.text
        weight, words, sentences, klass, reason, end, aside = _block_facts(text, b.kind)
        if end:
            klass, reason = BAD, "end"
        elif klass != BAD and counts[text] >= 3:
            klass, reason = BAD, "repeated"
        if aside:
            asides.append(len(scored))
        scored.append(Scored(b, weight, words, sentences, klass, reason))
    if any(s.reason == "caption" for s in scored):
        _mark_caption_copies(scored)
    _mark_asides(scored, asides)
    if any(s.reason == "end" for s in scored):
        _mark_insets(scored)
    _mark_doubles(scored)
    _mark_copies(scored)
    return scored


COPY_MIN = 1000  # a block this long holding several of the page's paragraphs is a copy
COPY_PARTS, COPY_PROBE = 3, 60  # ... of at least this many, found by their first characters


def _mark_copies(scored: list[Scored]) -> None:
    """A long block shown verbatim earlier on the page (the article body again, from the
    page's metadata) is chrome: the first copy is kept.  So is one long block that holds
    several of the page's paragraphs run together (the body as one paragraph, from the
    page's metadata), wherever it stands: the paragraphs are kept."""
    seen: set[str] = set()
    for s in scored:
        if s.weight >= 200 and s.klass != BAD and s.reason != "double":
            if s.text in seen:
                s.klass, s.reason = BAD, "copy"
            seen.add(s.text)
    long = [s for s in scored if s.weight >= COPY_MIN and s.klass != BAD]
    if not long:
        return
    probes = [s.text[:COPY_PROBE] for s in scored
              if s.klass == GOOD and s.weight < COPY_MIN and len(s.text) >= COPY_PROBE]
    for s in long:
        if sum(p in s.text for p in probes) >= COPY_PARTS:
            s.klass, s.reason = BAD, "copy"


DOUBLE_MIN = 20  # a block this long shown twice in a row is an image's alt text + caption
DOUBLE_TAIL_WORDS = 2  # words of a label a wrap may have joined to the second copy
DOUBLE_TAIL_MAX = 30  # ... and their characters


def shown_twice(a: str, b: str) -> bool:
    """True when block texts `a` and `b` are the same text, or one is the other with a short
    label after it that a converter's wrap joined to it ("... / AFP" + "Highlights": w3m
    sets no blank line between an image's caption and the next element)."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) <= DOUBLE_MIN or not long.startswith(short) or long[len(short)] != " ":
        return False
    tail = long[len(short) :]
    return len(tail) <= DOUBLE_TAIL_MAX and len(tail.split()) <= DOUBLE_TAIL_WORDS


def _mark_doubles(scored: list[Scored]) -> None:
    """Prose shown twice in a row (an image's alt text, then its caption) counts as chrome
    when looking for the article; the text keeps its class (it may be the standfirst)."""
    for i in range(len(scored) - 1):
        a, b = scored[i], scored[i + 1]
        if a.klass in (GOOD, NEAR) and len(a.text) > DOUBLE_MIN and shown_twice(a.text, b.text):
            a.reason = b.reason = "double"


def _mark_caption_copies(scored: list[Scored]) -> None:
    """A block repeated inside a neighbouring caption (an image's alt text shown beside its
    "1 of 4 ..." caption) is a caption too."""
    for i, s in enumerate(scored):
        if s.reason != "caption":
            continue
        for j in (i - 2, i - 1, i + 1, i + 2):  # two away: past a lone "6" (photo count)
            if not 0 <= j < len(scored) or (abs(j - i) == 2 and scored[(i + j) // 2].klass != BAD):
                continue
            if scored[j].klass != BAD:
                other = scored[j].text
                if len(other) > 20 and other in s.text:
                    scored[j].klass, scored[j].reason = BAD, "caption"


def _mark_asides(scored: list[Scored], markers: list[int] | None = None) -> None:
    """Mark link boxes ("Related", "Read more" + the non-prose blocks under them) as chrome.

    `markers`: the indices of the blocks that are `is_aside_marker` (all are tested when
    not given)."""
    if markers is None:
        markers = [i for i, s in enumerate(scored) if is_aside_marker(s.text)]
    i = 0
    for m in markers:
        if m < i:
            continue  # inside the box of an earlier marker
        i = m
        s = scored[i]
        if s.block.kind != "p" or len(s.text) < 30:
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


INSET_MIN_LINKS, INSET_MAX_BLOCKS = 2, 16  # links of a "More from ..." box in an article
INSET_PROSE_ABOVE = 10  # ... which has article prose at most this many blocks above it
INSET_PROSE_BLOCKS, INSET_PROSE_WEIGHT = 3, 600  # article prose that must follow such a box


_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)]*$")


def _box_link(s: Scored) -> bool:
    """A block of a link box: a list item, or a teaser card's kicker or headline (a short
    heading or line that ends no sentence)."""
    return s.block.kind == "li" or (s.klass in (SHORT, BAD) and len(s.text) < 120
                                    and not _ENDS_SENTENCE.search(s.text))


def _teaser_line(s: Scored) -> bool:
    """A teaser headline on a line of its own: a short block of four words or more that ends
    no sentence."""
    return s.klass == SHORT and s.words >= 4 and not _ENDS_SENTENCE.search(s.text)


KICKER_WORDS = 5  # a teaser's kicker: a short label in capitals ("RANDY ANDY", "‘TOO LATE’")


def _teaser_box(box: list[Scored]) -> bool:
    """Teaser headlines on lines of their own, each perhaps under its kicker (a short label in
    capitals), with at most one other label of one or two words: two headlines at least."""
    headlines = others = 0
    for b in box:
        if _teaser_line(b):
            headlines += 1
        elif not (b.words <= KICKER_WORDS and b.text.isupper()
                  and not _ENDS_SENTENCE.search(b.text)):
            others += 1  # one other short label may stand among them ("Warning")
            if others > 1 or b.words > 2:
                return False
    return headlines >= 2


def _inset_then_prose(scored: list[Scored], marker: int) -> bool:
    """True when the after-article marker at `marker` ("More from UK", "Most read") heads a
    short box of links set inside the article (`INSET_MIN_LINKS` to `INSET_MAX_BLOCKS` list
    items, or teaser cards, each with a heading: kicker, then teaser headline), then at least
    `INSET_PROSE_BLOCKS` paragraphs of prose before any other such marker.
    An inset stands inside an article: prose comes shortly before the marker too ("Most
    Popular" above the article is the page's chrome, not an inset)."""
    k = marker - 1
    while k >= 0 and marker - k <= INSET_PROSE_ABOVE and scored[k].klass != GOOD:
        if scored[k].reason == "end":
            return False
        k -= 1
    if k < 0 or scored[k].klass != GOOD:
        return False
    j = marker + 1
    while j < len(scored) and j - marker <= INSET_MAX_BLOCKS and scored[j].klass != GOOD:
        if scored[j].reason == "end" or scored[j].klass == NEAR or not _box_link(scored[j]):
            return False  # a box of links or teasers; a comment's author and date are not
        j += 1
    box = scored[marker + 1 : j]
    if len(box) < INSET_MIN_LINKS:
        return False
    if (any(b.block.kind != "li" for b in box) and sum(b.block.kind == "h" for b in box) < 2
            and not _teaser_box(box)):
        return False  # teaser cards have a heading each, or the box is teaser headlines only
    prose = weight = 0
    while j < len(scored) and scored[j].reason != "end":
        if scored[j].klass == GOOD:
            prose, weight = prose + 1, weight + scored[j].weight
        j += 1
        if prose >= INSET_PROSE_BLOCKS and weight >= INSET_PROSE_WEIGHT:
            return True
    return False


def _mark_insets(scored: list[Scored]) -> None:
    """An after-article marker heading a short list of links with the article's prose going on
    below it ("More from UK" inside a story, `_inset_then_prose`) is a link box inside the
    article, like "Related": the marker and its links are marked "aside"."""
    for i, s in enumerate(scored):
        if s.reason == "end" and _inset_then_prose(scored, i):
            s.reason = "aside"
            j = i + 1
            while scored[j].klass != GOOD:  # (the list items `_inset_then_prose` counted)
                scored[j].klass, scored[j].reason = BAD, "aside"
                j += 1


def cut_at_end_marker(scored: list[Scored], start: int, end: int) -> int:
    """The region's new end: just before the first after-article marker ("Comments",
    "Most popular", ...) that follows some article prose."""
    prose = 0
    i = start
    while i <= end:
        s = scored[i]
        if prose >= 150 and ((is_end_marker(s.text) and s.reason != "aside")
                             or _starts_card_list(scored, i, end)):
            return _trim_headings(scored, start, i - 1)
        if s.klass == GOOD:
            prose += s.weight
        i += 1
    return end


CARD_BLOCKS = 8  # at most this many blocks between the repeated lines of a teaser card list
CARD_TEXT = 400  # ... holding at most this much prose
CARD_LINE = 90  # the repeated line is a short label (a date, buttons, a teaser headline)


def _starts_card_list(scored: list[Scored], i: int, end: int) -> bool:
    """A repeated chrome line ("Share Tweet Save") that recurs twice more before `end`: the
    region has run into a list of teaser cards, each with its own buttons."""
    s = scored[i]
    if s.klass not in (BAD, SHORT) or s.weight > CARD_LINE or s.reason in ("end", "caption"):
        return False  # (a photo credit repeated down a gallery is not a teaser card)
    hits: list[int] = []
    for j in range(i + 1, end + 1):
        if scored[j].text == s.text:
            hits.append(j)
            if len(hits) == 2:
                break
    else:
        return False
    prev = i
    for j in hits:  # each card holds a teaser, not a stretch of article
        gap = scored[prev + 1 : j]
        text = sum(t.weight for t in gap if t.klass == GOOD)
        if not gap or len(gap) > CARD_BLOCKS or text > CARD_TEXT:
            return False
        prev = j
    return True


def _trim_headings(scored: list[Scored], start: int, end: int) -> int:
    """The end moved back over headings left dangling at the end of a region."""
    while end > start and scored[end].block.kind == "h":
        end -= 1
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

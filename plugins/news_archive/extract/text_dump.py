"""Clean a web page saved as plain text into an article draft.

`extract_text_dump` splits the dump into blocks (`blocks.py`), scores them and finds the
article region (`classify.py`), anchors it after the headline (`meta.py`), then reads the
standfirst, byline, credits, outlet and publication date around it (`meta.py`,
`published.py`).  The article's words are never rewritten: only the converter's layout
(hard wraps, list bullets, emphasis markup) is undone.
"""

from __future__ import annotations

import re
from datetime import date

from ..draft import Extracted
from ..errors import UnreadableInput
from .block_model import refine_body
from .blocks import split_blocks
from .briefs import brief_region, extend_end
from .classify import BAD, Scored, best_region, cut_at_end_marker, score_blocks, shown_twice
from .cuts import absorb_short_tail, inner_cuts, tail_cut
from .date_near_title import date_near_title
from .dateline import read_dateline
from .headline import (
    headline_after_dateline,
    headline_before_date,
    lead_headline,
    without_site_suffix,
)
from .listings import extend_over_listing
from .meta import (
    ArticleTopic,
    choose_title,
    clean_byline,
    dek_above_photo,
    find_byline,
    find_source,
    headline_before_article,
    headline_near_anchor,
    is_credit,
    opening_byline_block,
    sentence_headline,
    standfirst_between,
    title_score,
    trailing_byline,
)
from .published import date_label, find_dates, is_date_line
from .relative_date import find_relative_time
from .repeats import collapse_warning, dominant_repeat, skip_reason
from .resources import byline_words

_BARE_BYLINE_RE = re.compile(rf"^(?:{byline_words('bare')})\s+\S.{{0,80}}$", re.IGNORECASE)
_WORD_RUN_RE = re.compile(r"\w+")
TITLE_ANCHOR_SCORE = 5.0  # headline evidence needed to anchor the article after it
STRONG_TITLE_SCORE = 6.0  # ... and to move the article past prose found before the headline
MIN_ANCHORED_PROSE = 150.0  # prose (weighted characters) needed after an anchoring headline


def _norm(text: str) -> str:
    """Text reduced to its words, for duplicate detection."""
    return " ".join(_WORD_RUN_RE.findall(text)).casefold()


class _SameWords:
    """Whether two texts have the same `_norm` key, computing full keys only for texts
    whose first words agree (texts with different first words have different keys)."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}
        self._firsts: dict[str, str] = {}

    def key(self, text: str) -> str:
        """`_norm(text)`, computed once."""
        k = self._keys.get(text)
        if k is None:
            k = self._keys[text] = _norm(text)
        return k

    def _first(self, text: str) -> str:
        f = self._firsts.get(text)
        if f is None:
            m = _WORD_RUN_RE.search(text)
            f = self._firsts[text] = m.group().casefold() if m else ""
        return f

    def __call__(self, a: str, b: str) -> bool:
        if a == b:
            return True
        return self._first(a) == self._first(b) and self.key(a) == self.key(b)


def _region_sum(scored: list[Scored], start: int, end: int) -> float:
    from .classify import segment_value

    return sum(segment_value(s) for s in scored[start : end + 1])


def find_region(scored: list[Scored]) -> tuple[int, int, int]:
    """(title index, region start, region end).

    The region is the best-scoring run of blocks; when a headline is well attested (heading
    markup, or a date/byline under it, and prose after it) the region is instead the best
    run between the headline and the next after-article marker ("Comments", "Most read").
    A line that anchors the region but is never a headline itself gives way to the headline
    beside it (`headline_near_anchor`).
    """
    anchor, start, end = _anchored_region(scored)
    return headline_near_anchor(scored, anchor, start), start, end


def _anchored_region(scored: list[Scored]) -> tuple[int, int, int]:
    """(anchor index, region start, region end), as `find_region` describes."""
    start, end = best_region(scored)
    topic = ArticleTopic(scored, start, end)  # (its words are gathered only when needed)
    title = choose_title(scored, end + 1 if start >= 0 else len(scored), anchor=True,
                         topic=topic, article_start=start)
    if start < 0 or title < 0:
        return title, start, end
    needed = TITLE_ANCHOR_SCORE if title <= start else STRONG_TITLE_SCORE
    if title_score(scored, title, anchor=True) < needed:
        return title, start, end
    stop = title + 1
    while stop < len(scored) and not (scored[stop].reason == "end" and stop > title + 3):
        stop += 1
    s2, e2 = best_region(scored[title + 1 : stop])
    if s2 >= 0:
        s2, e2 = s2 + title + 1, e2 + title + 1
        if _region_sum(scored, s2, e2) >= MIN_ANCHORED_PROSE:
            return title, s2, e2
    return title, start, end


DATELINE_TITLE_WINDOW = 6  # blocks before the article searched for a dated headline


def dateline_title(scored: list[Scored], start: int, today: date | None) -> tuple[int, str]:
    """(index, headline) of a block before the article that is a dateline and a headline
    ("ТАШКЕНТ, 5 мая 2019 — Президент провёл встречу"); (-1, "") if none."""
    stop = start if start >= 0 else min(len(scored), DATELINE_TITLE_WINDOW)
    for i in range(max(0, stop - DATELINE_TITLE_WINDOW), stop):
        s = scored[i]
        if s.klass == BAD or s.block.kind == "li":
            continue
        title = headline_after_dateline(s.text, today)
        if title:
            return i, title
    return -1, ""


def _pick_date(texts: list[str], today: date | None) -> str | None:
    """Among header texts: the labelled "published" date if any, else the first date of a
    date line, else the first "updated" date."""
    first: str | None = None
    updated: str | None = None
    for t in texts:
        for d in find_dates(t, today):
            label = date_label(t, d.start)
            if label == "published":
                return d.iso
            if label == "updated":
                updated = updated or d.iso
            elif first is None and is_date_line(t):
                first = d.iso  # (a date inside a sentence, such as a photo caption's, is not)
    return first or updated


def labelled_date(scored: list[Scored], today: date | None) -> str | None:
    """The first date a short line anywhere in the dump labels as the publication date
    ("Published March 3, 2021"), or that stands first on a line that also gives the update
    ("November 19, 2019 | 4:20am | Updated November 20, 2019"); None if there is none."""
    for s in scored:
        t = s.text
        if len(t) >= DATE_LINE_MAX or not is_date_line(t):
            continue
        dates = find_dates(t, today)
        labels = [date_label(t, d.start) for d in dates]
        if "published" in labels:
            return dates[labels.index("published")].iso
        if len(dates) >= 2 and labels[0] == "" and "updated" in labels[1:]:
            return dates[0].iso
    return None


DATE_LINE_MAX = 200  # characters: a longer block is prose, not a date line


def extract_text_dump(text: str, today: date | None = None) -> Extracted:
    """Extract headline, standfirst, body paragraphs and metadata from a text dump.

    `today` bounds the publication date (dates after it are ignored); default: today.
    A page that is one paragraph repeated is read with the repeats collapsed (and a
    warning); UnreadableInput says so when no article text remains.
    """
    ex = Extracted()
    scored, n_repeats = _scored_blocks(text)
    title_i, start, end = _headline_and_region(scored, ex, today)
    if start < 0:
        if n_repeats:
            raise UnreadableInput(skip_reason(n_repeats))
        ex.warnings.append("no article body found")
        ex.source = find_source("\n".join(s.text for s in scored))
        return ex
    start, end, listing, opening_byline = _settle_region(scored, ex, title_i, start, end)
    body = refine_body(scored, _body_blocks(scored[start : end + 1], ex), start, end, ex.title,
                       title_i, ex.summary, listing)

    # header zone: from the headline to the first paragraph, plus the first paragraph
    head_from = title_i if 0 <= title_i < start else max(0, start - 6)
    header = [s.text for s in scored[head_from:start]]
    first_par = body[0].text if body else ""
    body = _credits_and_byline(scored, ex, body, header, end, opening_byline)

    ex.paragraphs = [s.text for s in body]
    _check_body(ex, n_repeats, today)
    ex.published, ex.published_source = _publication_date(scored, header, title_i,
                                                          (first_par, ex.summary), today)
    if not ex.published:  # (only the header's lines: "3 days ago" in the lead is an event's)
        ago = find_relative_time(header)
        ex.published_ago = ago.line if ago else ""
    # outlet: signatures in everything that is not the article body, then the dateline
    in_body = {id(s) for s in body}
    chrome = "\n".join(s.text for s in scored if id(s) not in in_body)
    ex.source = find_source(chrome, ex.title)
    if not ex.source and first_par:
        ex.source = find_source(first_par[:80])
    return ex


def _scored_blocks(text: str) -> tuple[list[Scored], int]:
    """The dump's blocks, classified; a paragraph that makes up most of the page (repeated
    thousands of times) kept once. Also returns how many repeats were dropped."""
    blocks = split_blocks(text)
    repeated, n_repeats = dominant_repeat([b.text for b in blocks])
    if n_repeats:
        first = next(i for i, b in enumerate(blocks) if b.text == repeated)
        blocks = [b for i, b in enumerate(blocks) if i == first or b.text != repeated]
    return score_blocks(blocks), n_repeats


def _headline_and_region(scored: list[Scored], ex: Extracted,
                         today: date | None) -> tuple[int, int, int]:
    """(headline index, first and last block of the article); sets `ex.title` (a warning
    when there is none). The article's start is -1 when the dump holds no article text."""
    title_i, start, end = find_region(scored)
    if start < 0:
        title_i, start, end = brief_region(scored)
    title_i = headline_before_article(scored, title_i, start)
    if title_i < 0:
        title_i, ex.title = dateline_title(scored, start, today)
        if title_i < 0 and start > 0:
            title_i = sentence_headline(scored, start)
            ex.title = scored[title_i].text if title_i >= 0 else ""
    elif scored[title_i].text:
        text = scored[title_i].text
        ex.title = without_site_suffix(
            headline_after_dateline(text, today) or headline_before_date(text, today) or text,
            (s.text for i, s in enumerate(scored) if i != title_i))
    if not ex.title:
        ex.warnings.append("no headline found")
    return title_i, start, end


def _settle_region(scored: list[Scored], ex: Extracted, title_i: int, start: int,
                   end: int) -> tuple[int, int, frozenset[int], str]:
    """The article's final bounds: its end moved over short tails, a listing and up to an end
    marker (cuts noted as warnings), its start past the standfirst and an opening byline.
    Returns (start, end, the listing's blocks, the opening byline); sets `ex.summary`."""
    end = absorb_short_tail(scored, end)
    ex.warnings += tail_cut(scored, end)
    end = extend_end(scored, start, cut_at_end_marker(scored, start, end))
    listing_end = extend_over_listing(scored, end)
    listing = frozenset(range(end + 1, listing_end + 1))
    end = listing_end
    ex.warnings += inner_cuts(scored, start, end)
    # a byline a few blocks into the region ends the header: the standfirst stands above
    # it, the dateline below it
    byline_at, opening_byline = opening_byline_block(scored, start, end, title_i)
    if byline_at >= 0:
        standfirst = [s for s in scored[start:byline_at] if s.klass != BAD and s.block.kind != "h"]
        if len(standfirst) <= 1:
            if standfirst and not ex.summary and standfirst[0].text != ex.title:
                ex.summary = standfirst[0].text
            start = byline_at + 1
        else:  # article text above the byline stays in the body
            scored[byline_at].klass, scored[byline_at].reason = BAD, "byline"
    if not ex.summary:
        after_photo = dek_above_photo(scored, title_i, start, end)
        if after_photo > start:  # a standfirst above the lead photo
            ex.summary, start = scored[start].text, after_photo
        else:
            ex.summary = standfirst_between(scored, title_i, start)
    if start >= 2 and scored[start - 1].reason == scored[start - 2].reason == "double":
        start -= 2  # a block shown twice just before the article: its standfirst (see below)
    return start, end, listing, opening_byline


def _body_blocks(region: list[Scored], ex: Extracted) -> list[Scored]:
    """The region's blocks without chrome; a block shown twice in a row (caption + lead) is
    kept once, as the standfirst when it opens the article, and otherwise dropped (an image
    caption); the headline and a paragraph repeating the one before are dropped."""
    kept = [s for s in region if s.klass != BAD]
    body: list[Scored] = []
    same = _SameWords()  # same words (`_norm` keys), ignoring case and punctuation
    i = 0
    while i < len(kept):
        s = kept[i]
        if i + 1 < len(kept) and len(same.key(s.text)) > 20 and (
                same(kept[i + 1].text, s.text) or shown_twice(s.text, kept[i + 1].text)):
            if not body and not ex.summary:
                ex.summary = s.text
            i += 2
            continue
        if same(s.text, ex.title) or (body and same(s.text, body[-1].text)):
            i += 1
            continue
        body.append(s)
        i += 1
    return body


def _credits_and_byline(scored: list[Scored], ex: Extracted, body: list[Scored],
                        header: list[str], end: int, opening_byline: str) -> list[Scored]:
    """Set `ex.credits` and `ex.byline`; returns the body without the lines they came from."""
    # credits at the end of the article (or just after it); a credit line stands last: one
    # followed by article prose is part of the article
    tail = [s.text for s in scored[end + 1 : end + 4]]
    credit_texts = [s.text for s in body[-1:] if is_credit(s.text)]
    credit_texts += [t for t in tail if is_credit(t)]
    if credit_texts:
        ex.credits = credit_texts[0]
        body = [s for s in body if s.text != ex.credits]

    # byline: explicit "By ..." in the header, or a byline opening/closing the body
    ex.byline = find_byline(header)
    if opening_byline:
        ex.byline = ex.byline or opening_byline
    closing = trailing_byline(scored, end)
    if closing:
        ex.byline = ex.byline or closing
    for s in (body[:1] + body[-1:]) if body else []:
        if _BARE_BYLINE_RE.match(s.text) and not s.block.kind == "h":
            name = clean_byline(s.text)
            if name:
                ex.byline = ex.byline or name
                body = [b for b in body if b is not s]
    return body


def _check_body(ex: Extracted, n_repeats: int, today: date | None) -> None:
    """Warnings about the body, and a stand-in headline from a first paragraph that opens
    with a dateline; UnreadableInput when a page of repeats has no article text left."""
    if not ex.title and ex.paragraphs and read_dateline(ex.paragraphs[0], today):
        # the stand-in headline starts after the dateline ("ТАШКЕНТ, 5 мая 2019 — ...")
        ex.title = lead_headline(ex.paragraphs[0], today)
        ex.warnings.remove("no headline found")
        ex.warnings.append("no headline found; used the start of the first paragraph "
                           "(after its dateline)")
    if n_repeats:
        if not ex.paragraphs:
            raise UnreadableInput(skip_reason(n_repeats))
        ex.warnings.append(collapse_warning(n_repeats))
    if not ex.paragraphs:
        ex.warnings.append("no article body found")
    elif sum(len(p) for p in ex.paragraphs) < 200:
        ex.warnings.append("very short body")


def _publication_date(scored: list[Scored], header: list[str], title_i: int,
                      leads: tuple[str, str], today: date | None) -> tuple[str | None, str]:
    """(ISO date, where it was found): the header first, then a dateline opening the first
    paragraph or the standfirst (`leads`), a date line beside the headline, a labelled date."""
    found = _pick_date(header, today)
    if found:
        return found, "text"
    for lead in leads:
        dateline = read_dateline(lead, today) if lead else None
        if dateline and dateline.published:
            return dateline.published, "dateline"
    found = date_near_title(scored, title_i, today) or labelled_date(scored, today)
    return found, "text" if found else ""

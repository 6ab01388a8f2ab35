"""A saved news web page -> `Extracted`, with trafilatura plus light news-specific cleanup.

Block edges without whitespace between them get a space first, so that no extractor path can
glue the texts of two blocks into one word. Then two trafilatura passes over the tree (parsed
once, `html_tree`; its raw prune shared, `html_passes`): a precise one (favor_precision, with
fallbacks, and the page metadata) and a broad one (favor_recall, no fallbacks). The precise
text is kept unless its length (in word characters, so how a pass splits the text in lines
does not count) is implausibly short or long next to the broad one: precision mode sometimes
drops the whole body, a fallback sometimes grabs the whole page. Then lines that are page
chrome (the headline repeated, date/byline lines, "Read more" links, newsletter and copyright
tails) are removed with patterns from `data/html_boilerplate.txt`, and credit lines are moved
to `credits`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from lxml import etree

from ..calendar_names import alternation, month_names
from ..draft import Extracted
from ..errors import UnreadableInput
from .dateline import read_dateline
from .headline import page_h1, site_in_title
from .html_fallback import (
    TRUNCATED_WARNING,
    fallback_paragraphs,
    is_truncated,
    paragraph_texts,
)
from .html_meta import page_metadata
from .html_passes import two_passes
from .html_tree import load_page
from .published import find_dates
from .repeats import collapse_warning, dominant_repeat
from .resources import byline_words, pattern_groups

# trafilatura says "discarding data: None" when a page holds no text it keeps; the ingest
# report already names the file and the reason, so only its errors are let through.
logging.getLogger("trafilatura.core").setLevel(logging.ERROR)

BOILERPLATE_FILE = "html_boilerplate.txt"
# precise text is used when its length is within these bounds of the broad text's length
MIN_PRECISE_RATIO, MAX_PRECISE_RATIO = 0.4, 2.0
TAIL_SHARE = 0.3  # a "tail" line ends the article when less than this share of words follows
HEAD_LINES = 3  # date/byline lines are looked for among the first lines only
MAX_TRAILING_HEADINGS = 1  # short heading-like lines dropped from the very end
DEDUPE_MIN_WORDS = 8  # repeated paragraphs at least this long are dropped
MIN_PROSE_CHARS = 100  # without a precise extraction, an article needs this much sentence text
FEW_PARAGRAPHS = 3  # so short an extraction is checked for a page of one repeated paragraph
_WORD = re.compile(r"\w+")
# English month names and abbreviations, and the full names of the other languages the
# hand-written calendar table covers ("3 de junho", "12 мая").
_MONTHS = alternation([*month_names("en"), *month_names("pt", "es", "fr", "de", "it", "ru",
                                                         full_only=True)])
_DATE = re.compile(
    rf"\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}\b|\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b|"
    rf"\b\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTHS})\b|\b\d{{1,2}}:\d{{2}}\b|\d{{4}}年\d{{1,2}}月",
    re.IGNORECASE,
)
_BYLINE = re.compile(rf"^(?:{byline_words('html')})\b[:\s]", re.I)
_LIST_ITEM = re.compile(r"^(?:[-–•*·▪►]|\d+[.)])\s")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]。！？]$")
# elements whose text never runs on into the text around them: blocks, and unrendered parts
_SEPARATING_TAGS = frozenset(
    "address article aside blockquote body br caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr "
    "html iframe legend li main menu nav noframes noscript ol option p pre script search section "
    "select style summary table tbody td template textarea tfoot th thead title tr ul".split()
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return pattern_groups(BOILERPLATE_FILE)


def _fullmatch(kind: str, line: str) -> bool:
    pat = _patterns().get(kind)
    return bool(pat and pat.fullmatch(line))


def _norm(text: str) -> str:
    """Words only, case-folded: for comparing a line with the title or description."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def _lines(text: str | None) -> list[str]:
    return [ln.strip() for ln in (text or "").split("\n") if ln.strip()]


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _size(text: str | None) -> int:
    """Word characters: a length that does not depend on where the text was split in lines."""
    return sum(len(w) for w in _WORD.findall(text or ""))


def _choose(precise: str | None, broad: str | None) -> str:
    """The precise text unless its length is implausible next to the broad one."""
    p, b = _size(precise), _size(broad)
    if not b:
        return precise or ""
    return (precise or "") if MIN_PRECISE_RATIO <= p / b <= MAX_PRECISE_RATIO else (broad or "")


def _is_head_meta(line: str) -> bool:
    """A short date/time or byline line at the top of the body."""
    words = _n_words(line)
    if words > 14 or _SENTENCE_END.search(line) and words > 6:
        return False
    return bool(_BYLINE.search(line) or _DATE.search(line))


def _is_heading_like(line: str) -> bool:
    """A short line without final punctuation that is not a list item."""
    return _n_words(line) <= 6 and not _SENTENCE_END.search(line) and not _LIST_ITEM.match(line)


def clean_lines(lines: list[str], title: str = "",
                other_titles: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """Remove page chrome from extracted lines. Returns (paragraphs, credit lines).

    Leading lines that repeat the headline (`title`, or another title of the page such as
    its og:title) are dropped."""
    ntitle = _norm(title)
    ntitles = {ntitle, *(_norm(t) for t in other_titles)} - {""}
    out: list[str] = []
    credits: list[str] = []
    strip = _patterns().get("strip")
    for i, line in enumerate(lines):
        if strip:
            line = strip.sub("", line).strip()
            if not line:
                continue
        if not out and i < HEAD_LINES:  # nothing kept yet: headline, date and byline lines
            if _norm(line) in ntitles or _is_head_meta(line):
                continue
        if _fullmatch("drop", line):
            continue
        if _fullmatch("credit", line):
            credits.append(line)
            continue
        out.append(line)
    # trailing chrome: a tail line near the end cuts everything after it
    total = sum(_n_words(x) for x in out) or 1
    after = 0
    cut = len(out)
    for i in range(len(out) - 1, -1, -1):
        after += _n_words(out[i])
        if after / total >= TAIL_SHARE:
            break
        if _fullmatch("tail", out[i]):
            cut = i
    out = out[:cut]
    for _ in range(MAX_TRAILING_HEADINGS):  # a heading with no text after it
        if out and _is_heading_like(out[-1]):
            out.pop()
    # a paragraph repeated verbatim (a caption reused as the lead, a pull quote): keep the first
    seen: set[str] = set()
    deduped = []
    for line in out:
        key = _norm(line)
        if key in seen and _n_words(line) >= DEDUPE_MIN_WORDS and not _LIST_ITEM.match(line):
            continue
        seen.add(key)
        deduped.append(line)
    return deduped, credits


def continuation_lines(tree, lines: list[str]) -> list[str]:
    """Paragraphs of later containers of the article body when ads split it in several.

    The body container is the parent of the `<p>` holding the last extracted line; later
    elements with the same tag and class attribute are taken as its continuation.
    """
    if not lines or len(lines[-1]) < 40:
        return []
    key = " ".join(lines[-1].split())[:60]
    container = next((p.getparent() for p in tree.iter("p")
                      if " ".join(p.text_content().split()).startswith(key)), None)
    cls = container.get("class") if container is not None else None
    if not cls:
        return []
    seen = {_norm(x) for x in lines}
    out = []
    after = False  # document order: only elements that start after the container
    for el in tree.iter(container.tag):
        if el is container:
            after = True
            continue
        if not after or el.get("class") != cls:
            continue
        for p in el.iterchildren("p"):
            text = " ".join(p.text_content().split())
            if text and _norm(text) not in seen:
                seen.add(_norm(text))
                out.append(text)
    return out


def separate_blocks(tree) -> None:
    """End every text that a block edge follows with whitespace.

    Block boundaries separate text, but nothing in the tree says so where the markup has no
    whitespace between the blocks (`<article>a</article><article>b</article>`). An extractor
    that unwraps such elements (trafilatura's fallback path strips tags it has no TEI name
    for) then glues the texts into one word ("ab"). Whitespace-only text between the blocks
    does not count: it may sit in an element that the extractor removes.
    """
    last = None  # the element holding the last non-blank text (its text, or its tail)
    in_text = False
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag
        if isinstance(tag, str):
            if last is not None and tag in _SEPARATING_TAGS:
                _end_with_space(last, in_text)
                last = None
            if event == "start":
                value = el.text
                if value and not value.isspace():
                    last, in_text = el, True
                continue
        elif event == "start":  # a comment's text is not text
            continue
        value = el.tail
        if value and not value.isspace():
            last, in_text = el, False


def _end_with_space(el, in_text: bool) -> None:
    """Append a space to the element's text (or tail) unless it ends with whitespace."""
    if in_text:
        if not el.text[-1].isspace():
            el.text += " "
    elif not el.tail[-1].isspace():
        el.tail += " "


def has_prose(paragraphs: list[str]) -> bool:
    """True when the lines include running text, not only menus, links or headings."""
    if any(len(p) >= 120 for p in paragraphs):
        return True
    sentences = [p for p in paragraphs if _SENTENCE_END.search(p) and not _LIST_ITEM.match(p)]
    return sum(len(p) for p in sentences) >= MIN_PROSE_CHARS


def _summary(description: str, paragraphs: list[str], title: str) -> str:
    """The description when it is a distinct standfirst, not a copy of the lead or title."""
    desc = (description or "").strip()
    nd = _norm(desc.rstrip(".… "))
    if _n_words(desc) < 4 or not nd or nd == _norm(title):
        return ""
    lead = _norm(" ".join(paragraphs[:2]))
    if lead.startswith(nd) or nd in lead:
        return ""
    body = set(_WORD.findall(_norm(" ".join([title, *paragraphs[:10]]))))
    words = _WORD.findall(nd)
    if sum(w in body for w in words) < 0.2 * len(words):  # a generic site description
        return ""
    return desc


_LANGUAGE_METAS = etree.XPath('//meta[@property="og:locale" or @http-equiv="content-language"]')


def _page_language(tree) -> str:
    lang = (tree.get("lang") or tree.get("xml:lang") or "").strip()
    if not lang:
        metas = _LANGUAGE_METAS(tree)
        lang = (metas[0].get("content") or "") if metas else ""
    code = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else ""


# htmldate reads dates from markup (meta tags, <time>, JSON-LD, URL) first; its search of
# the page text guesses a year's 1 January from a lone year ("© 2021"), so a date it finds
# there is kept only when the page text states that full date
MARKUP_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def text_date(tree) -> str | None:
    """The publication date htmldate finds in the page text, if the text states it in full."""
    from htmldate import find_date

    found = find_date(tree, original_date=True, extensive_search=True)
    if not found:
        return None
    text = " ".join(tree.itertext())
    return found if any(d.iso == found[:10] for d in find_dates(text)) else None


def extract_html_page(html: str, url: str = "") -> Extracted:
    """Article text and metadata of one HTML page; UnreadableInput when there is no article."""
    tree = load_page(html) if html and html.strip() else None
    if tree is None:
        raise UnreadableInput("no article text found (empty or unparsable HTML)")
    separate_blocks(tree)
    precise, broad = two_passes(tree, url or None)
    text = _choose(precise, broad)
    # without a precise extraction there is no metadata (the broad pass reads none)
    meta = page_metadata(tree, url or None, MARKUP_DATE_PARAMS) if precise is not None else None
    meta_title = ((meta.title if meta else "") or "").strip()
    h1 = page_h1(tree, meta_title, (meta.sitename or "") if meta else "")
    title = h1 or meta_title  # the article's own <h1> wins over og:title and <title>
    lines = _lines(text)
    lines += continuation_lines(tree, lines)
    paragraphs, credit_lines = clean_lines(lines, title, (meta_title,))
    precise_found = bool(_n_words(precise or ""))
    warnings = []
    n_repeats = dominant_repeat(lines)[1]
    if not n_repeats and len(paragraphs) <= FEW_PARAGRAPHS:  # repeats the extractor dropped
        n_repeats = dominant_repeat(paragraph_texts(tree))[1]
    if not paragraphs or not precise_found and not has_prose(paragraphs):
        paragraphs, warnings = fallback_paragraphs(tree, html)
        credit_lines = []
    elif n_repeats:
        warnings.append(collapse_warning(n_repeats))
    if is_truncated(html) and not any(w.startswith("page is truncated") for w in warnings):
        warnings.append(TRUNCATED_WARNING)
    page_url = (meta.url or "") if meta else ""
    out = Extracted(title=title, paragraphs=paragraphs, url=url or page_url)
    out.warnings += warnings
    out.credits = " ".join(credit_lines)
    if meta:
        out.byline = ", ".join(a.strip() for a in (meta.author or "").split(";") if a.strip())
        out.source = (meta.sitename or site_in_title(tree.findtext(".//title") or "", title)
                      or meta.hostname or "").strip()
        if meta.date:
            out.published, out.published_source = meta.date, "html-meta"
        out.summary = _summary(meta.description or "", paragraphs, title)
    if not out.published:  # no date in the page's markup: the story's dateline, the text
        dateline = read_dateline(paragraphs[0])
        if dateline and dateline.published:
            out.published, out.published_source = dateline.published, "dateline"
        else:
            found = text_date(tree)
            if found:
                out.published, out.published_source = found, "html-meta"
    out.language = _page_language(tree)
    return out

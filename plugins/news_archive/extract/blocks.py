"""Split a plain-text page dump into blocks, undoing the converter's layout.

Text converters (html2text, inscriptis, lynx, w3m, ...) mark up lists with bullets, headings
with ``#``, emphasis with ``_``/``**``, images with ``[alt]`` and indent or hard-wrap
paragraphs.  `split_blocks` returns one `Block` per paragraph, list item or heading with that
markup removed and hard-wrapped lines joined again; the words themselves are never changed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .columns import split_columns, split_layout_rows
from .resources import pattern_groups

BULLET_CHARS = "*+-•◦▪▫□■●○·‣⁃–☆"  # (w3m nests lists as • □ ☆ ○, lynx as * + o #)
_BULLET_RE = re.compile(r"^([" + re.escape(BULLET_CHARS) + r"]|o|#)\s+(?=\S)")
DEEP_BULLET_INDENT = 4  # "#" is a bullet (lynx's fourth level) only this far in
_NUMBERED_RE = re.compile(r"^(\d{1,3}|[a-z])[.)]\s+(?=\S)")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_QUOTE_RE = re.compile(r"^(>\s?)+")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_RE = re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)")
_EMPTY_EMPHASIS_RE = re.compile(r"(?<!\S)__(?!\S)")  # "__": emphasis around an icon
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
# A whole line that is only an image/alt placeholder, a form field or a button.
_PLACEHOLDER_RE = re.compile(
    r"^(?:\[[^\]]{0,300}\]\s*)+$|^\(BUTTON\)|^\(IMAGE\)|^IFRAME:|^\[INS:.*:INS\]$"
    r"|^_{3,}|^[_\W]{0,3}$|^\(?(?:BUTTON|IMG|IMAGE|Image|Submit)\)?(?:\s.*)?$",
)
_PLACEHOLDER_FIRST = frozenset("[(_IBS")  # first characters of _PLACEHOLDER_RE's long forms
# how its long forms that start with a letter start ("IFRAME:", "IMG", "BUTTON", "Submit"...)
_PLACEHOLDER_WORDS = ("IFRAME:", "IMG", "IMAGE", "Image", "BUTTON", "Submit")
_RULE_CHARS = frozenset("-=_*~")
_AD_LABEL = pattern_groups("boilerplate.tsv")["ad_label"]
AD_LABEL_MAX = 60  # characters: a longer line is no advertisement's label


def _is_placeholder(text: str) -> bool:
    """`_PLACEHOLDER_RE.match`, skipped for lines that cannot match it."""
    if len(text) > 3 and (text[0] not in _PLACEHOLDER_FIRST or (
            text[0] in "IBS" and not text.startswith(_PLACEHOLDER_WORDS))):
        return False
    return bool(_PLACEHOLDER_RE.match(text))


_INLINE_BUTTON_RE = re.compile(r"\((?:BUTTON|IMG|IMAGE)\)\s*")
_RULE_RE = re.compile(r"^\s*(?:[-=_*~]\s*){3,}$")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# the runs `_SPACES_RE` changes (longer than one space, or some other space): the same result
# as replacing every run by one space, with no work for the single spaces between words
_OTHER_SPACE_RE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")  # not " "
_ODD_SPACES_RE = re.compile(
    r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
# Separators between the items of a menu or breadcrumb line: runs of 2+ spaces (or a tab),
# "|", "·", "•", "/" with spaces around them, ">" and "»" breadcrumbs.
_MENU_SEP_RE = re.compile(r"\s{2,}|\t|\s*[|·•»›]\s*|\s/\s|\s>\s")
# a cheaper test for one (a character class first lets the regex engine skip ahead)
_HAS_MENU_SEP_RE = re.compile(r"[\s|·•»›](?:(?<=[\t|·•»›])|(?<=\s)(?:\s|[/>]\s))")


def _has_menu_separator(text: str) -> bool:
    """``_MENU_SEP_RE.search(text)``, cheaply: in printable ASCII text the only space is
    " " and the only separators are runs of spaces, "|", " / " and " > "."""
    if text.isascii() and text.isprintable():
        return "  " in text or "|" in text or " / " in text or " > " in text
    return _HAS_MENU_SEP_RE.search(text) is not None
_MENU_ITEM_WORDS = 4  # a menu item is a short label (at most this many words)


EARLY_WRAP = 0.7  # a line this full (of the wrap width) that runs on is wrapped early
_RUNS_ON_TAIL = re.compile(r"[\w,;\-–—]$")


def _runs_on(prev: str, nxt: str) -> bool:
    """True when a line ending in `prev` reads on into a line starting `nxt` (converters
    sometimes wrap a few columns early, at links or soft hyphens)."""
    return bool(_RUNS_ON_TAIL.search(prev)) and (nxt[:1].islower() or prev[-1:] == ",")


@dataclass(slots=True)
class Block:
    """One paragraph, list item or heading of the dump, markup removed."""

    text: str
    kind: str = "p"  # "p", "li" (list item), "h" (heading)
    level: int = 0  # heading level (1 = h1; 0 = not known) or list depth (1 = top)
    line: int = 0  # first line number in the dump (0-based)
    n_lines: int = 1
    menu: bool = False  # a line of short items set apart by separators (navigation)


def is_menu_text(text: str) -> bool:
    """True for a navigation/menu line: short labels separated by runs of 2+ spaces, tabs,
    "|", "·", "•", " / " or breadcrumb arrows ("Home  World  Business", "Subscribe | Log in"),
    with no sentence punctuation in the items."""
    text = text.strip()
    if len(text) > 300 or not _has_menu_separator(text):
        return False
    items = [t for t in _MENU_SEP_RE.split(text) if t.strip()]
    if len(items) < 2:
        return False
    for item in items:
        words = item.split()
        if len(words) > _MENU_ITEM_WORDS or item.rstrip()[-1:] in ".!?,;:":
            return False
    return True


def _wide_class() -> str:
    """A regex character class of the full-width (East Asian W/F) code points of the basic
    multilingual plane (kept in the BMP so that the regex engine uses a fast bitmap)."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x1100, 0x10000):
        if unicodedata.east_asian_width(chr(cp)) in ("W", "F"):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "[" + "".join(f"{chr(a)}-{chr(b)}" if a < b else chr(a) for a, b in ranges) + "]"


WIDE_RE = re.compile(_wide_class())
_HANGUL_RE = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")  # jamo, syllables
_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")
# a character that may take two columns: wide, or outside the BMP (one pass to rule both out)
_WIDE_OR_ASTRAL_RE = re.compile(WIDE_RE.pattern[:-1] + "\U00010000-\U0010FFFF]")


def is_wide(ch: str) -> bool:
    """True for full-width (CJK) characters."""
    if ord(ch) < 0x1100:
        return False
    return unicodedata.east_asian_width(ch) in ("W", "F")


def count_wide(s: str) -> int:
    """Number of full-width characters in `s`."""
    if s.isascii():
        return 0
    n = len(WIDE_RE.findall(s))
    if _ASTRAL_RE.search(s):
        n += sum(1 for c in _ASTRAL_RE.findall(s) if is_wide(c))
    return n


def display_width(s: str) -> int:
    """Columns a string takes in a monospace terminal (CJK characters count two)."""
    if s.isascii():
        return len(s)
    return len(s) + count_wide(s)


def _first_word_width(s: str) -> int:
    """Width of the first word of `s`; a leading CJK character counts as a word."""
    s = s.lstrip()
    if not s:
        return 0
    if s.isascii():
        return len(s.split(None, 1)[0])
    if is_wide(s[0]):
        return 2
    end = len(s)
    for i, c in enumerate(s):
        if c.isspace() or is_wide(c):
            end = i
            break
    return display_width(s[:end])


def _first_word_chars(s: str) -> int:
    """`_first_word_width` counted in characters (a leading CJK character is one, a
    Korean word, which is wrapped whole, its length)."""
    s = s.lstrip()
    if not s:
        return 0
    if s.isascii() or _HANGUL_RE.match(s):
        return len(s.split(None, 1)[0])
    for i, c in enumerate(s):
        if c.isspace() or is_wide(c):
            return max(i, 1)
    return len(s)


def wrap_width(lines: list[str]) -> int:
    """The column at which the converter hard-wrapped its lines, or 0 if it did not.

    A wrapped dump has many lines ending within a few columns of one width and (almost) no
    longer lines; an unwrapped dump has long paragraph lines of all lengths.
    """
    return _wrap_width_of([display_width(ln.rstrip()) for ln in lines if ln.strip()])


def _wrap_width_of(widths: list[int]) -> int:
    """`wrap_width` from the display widths of the non-blank lines."""
    if len(widths) < 10:
        return 0
    widths = sorted(widths)
    n = len(widths)
    for q in (0.97, 1.0, 0.99, 0.95, 0.9):
        candidate = widths[min(n - 1, int(n * q))]
        if not 40 <= candidate <= 140:
            continue
        # (counted by bisection in the sorted widths)
        near = bisect_right(widths, candidate) - bisect_left(widths, candidate - 12)
        within = bisect_right(widths, candidate + 2)  # widths up to candidate + 2
        if near >= max(3, 0.04 * n) and n - within <= 0.03 * n + 2:
            return widths[within - 1]
    return 0


def clean_inline(text: str) -> str:
    """Remove converter emphasis markup and escapes; collapse whitespace."""
    if "**" in text:
        text = _BOLD_RE.sub(r"\1", text)
    if "_" in text:
        text = _ITALIC_RE.sub(r"\1", text)
        if "__" in text:
            text = _EMPTY_EMPHASIS_RE.sub("", text)
    if "\\" in text:
        text = _ESCAPE_RE.sub(r"\1", text)
    if "(" in text:
        text = _INLINE_BUTTON_RE.sub("", text)
    if "  " in text or (  # else every run of spaces is one " " already
        "\t" in text if text.isascii() else _OTHER_SPACE_RE.search(text) is not None
    ):
        text = _ODD_SPACES_RE.sub(" ", text)
    return text.strip()


def _parse_line(raw: str) -> tuple[str, str, int, int]:
    """(kind, text, level, text_column) for one non-blank line."""
    stripped = raw.lstrip()
    pad = raw[: len(raw) - len(stripped)]
    return _parse_stripped(stripped, len(pad) if pad.isascii() else display_width(pad))


_BULLET_FIRST = frozenset(BULLET_CHARS + "o#")  # first characters _BULLET_RE can match
# first characters of a line that `_parse_stripped` may read as markup (and digits, when
# the line is indented)
_MARKUP_FIRST = _BULLET_FIRST | {"#", ">"}


def _parse_stripped(stripped: str, indent: int) -> tuple[str, str, int, int]:
    """`_parse_line` for a line's text without its indentation (`indent` columns); each
    pattern is tried only when the first character allows it."""
    first = stripped[:1]
    if first == "#" and indent < DEEP_BULLET_INDENT:
        m = _HEADING_RE.match(stripped)
        if m:
            return "h", m.group(2), len(m.group(1)), indent
    if first == ">":
        q = _QUOTE_RE.match(stripped)
        if q:
            stripped = stripped[q.end() :]
            first = stripped[:1]
    if first in _BULLET_FIRST:
        m = _BULLET_RE.match(stripped)
        bullet = m.group(1) if m else ""
        if m and not (bullet in ("o", "–") and indent < 2) and not (
                bullet == "#" and indent < DEEP_BULLET_INDENT):
            item = stripped[m.end() :]
            if item[:1] == "#":  # a heading inside a list item ("* #### Teaser headline")
                h = _HEADING_RE.match(item)
                item = h.group(2) if h else item
            return "li", item, 1 + indent // 3, indent + m.end()
    if indent >= 1 and first.isdigit():
        m = _NUMBERED_RE.match(stripped)
        if m and len(m.group(1)) <= 3 and not m.group(1).isalpha():
            return "li", stripped[m.end() :], 1 + indent // 3, indent + m.end()
    return "p", stripped, 0, indent


LOCAL_WRAP_MIN = 30  # narrowest column treated as a hard-wrapped text column
LOCAL_WRAP_SLACK = 15  # a wrapped line ends at most this many columns short of its column


def _local_widths(lines: list[str], width: int) -> list[int]:
    """Per line, the wrap width of a narrower hard-wrapped column it belongs to (0 = none).

    A converter that lays a page out as a table wraps a text column at that column's width,
    not at the page's: a group of 3+ consecutive lines, all nearly as long as the longest
    (but the last), mostly running on into a lower-case word, is such a column.
    """
    rstripped = [ln.rstrip() for ln in lines]
    return _local_widths_of(rstripped, [display_width(ln) for ln in rstripped], width)


def _local_widths_of(lines: list[str], widths: list[int], width: int) -> list[int]:
    """`_local_widths` from the right-stripped lines and their display widths."""
    out = [0] * len(lines)
    limit = width - 8 if width else 1 << 30
    i, n = 0, len(lines)
    while i < n:
        if not lines[i]:
            i += 1
            continue
        j = i + 1
        runs_on = 0
        while j < n and lines[j]:
            runs_on += lines[j].lstrip()[:1].islower()
            j += 1
        if j - i >= 3 and 2 * runs_on >= j - i - 1:
            group = lines[i:j]
            group_widths = widths[i:j]
            top = max(group_widths)
            if (
                LOCAL_WRAP_MIN <= top < limit
                and len({len(ln) - len(ln.lstrip()) for ln in group}) == 1
                and all(w >= top - LOCAL_WRAP_SLACK for w in group_widths[:-1])
            ):
                out[i:j] = [top] * (j - i)
        i = j
    return out


def _line_widths(lines: list[str]) -> list[int]:
    """`display_width` of each (right-stripped) line, in one pass over the text: with every
    full-width character written twice, a line's length is its width."""
    joined = "\n".join(lines)
    if joined.isascii() or not _WIDE_OR_ASTRAL_RE.search(joined):
        return list(map(len, lines))
    if _ASTRAL_RE.search(joined):  # (rare) characters outside the BMP: line by line
        return list(map(_line_width, lines))
    return list(map(len, WIDE_RE.sub(_TWO_COLUMNS, joined).split("\n")))


_TWO_COLUMNS = "  "  # a full-width character, as wide as two narrow ones


def _line_width(line: str) -> int:
    """`display_width` of a right-stripped line (0 for a blank one)."""
    return len(line) if line.isascii() else display_width(line)


WRAP_TIGHTNESS = 3  # columns: a wrapped line ends this close to its wrap width


def _wrap_tightness(widths: list[int], width: int) -> int:
    """How many lines end within `WRAP_TIGHTNESS` columns short of `width` (0 if none)."""
    return sum(1 for w in widths if width - WRAP_TIGHTNESS <= w <= width) if width else 0


def wrap_measure(lines: list[str]) -> tuple[int, list[int], bool]:
    """(wrap width, per-line widths, by characters) of right-stripped lines.

    Converters that know East Asian widths (w3m) wrap at a display column, where a CJK
    character takes two; others (lynx) count every character as one column.  With wide
    characters in the dump, both measures are tried and the one whose lines end closer to
    its wrap width wins.
    """
    line_widths = _line_widths(lines)
    width = _wrap_width_of([w for ln, w in zip(lines, line_widths, strict=True) if ln])
    lens = list(map(len, lines))
    if lens == line_widths:
        return width, line_widths, False
    by_chars = _wrap_width_of([n for ln, n in zip(lines, lens, strict=True) if ln])
    if _wrap_tightness(lens, by_chars) > _wrap_tightness(line_widths, width):
        return by_chars, lens, True
    return width, line_widths, False


def _wrap_separator(tail: str, head: str, prev_width: int, width: int, by_chars: bool) -> str:
    """What joins a hard-wrapped line ending in `tail` to the next starting with `head`:
    a space, but nothing between CJK characters, which converters wrap anywhere.  Korean
    sets words apart with spaces: a converter counting characters wraps it at a space
    (lynx), one counting columns (w3m) wherever the line is full, so there a space was
    dropped only when the line had room for one more wide character."""
    if not (tail and head and is_wide(tail) and is_wide(head)):
        return " "
    if _HANGUL_RE.match(tail) and _HANGUL_RE.match(head) and (by_chars or prev_width + 2 <= width):
        return " "
    return ""


# the start of a listing row: a word, a number, a separator ("June 9 -- ", "Aug. 14 – ")
_ROW_START_RE = re.compile(r"([^\W\d][\w.]*)\s+\d{1,4}(?:st|nd|rd|th)?,?\s+(--|[-–—@|])\s")


def _same_row(line: str, nxt: str) -> bool:
    """True when `line` and the line after it both start a listing row of the same shape
    ("June 9 -- Arena, City" / "June 10 -- Hall, Town"): a converter that wraps the page
    lays the rows out line by line, and a row as long as the wrap width is not continued by
    the next row."""
    a = _ROW_START_RE.match(line)
    return a is not None and (b := _ROW_START_RE.match(nxt)) is not None and a[2] == b[2]


PARAGRAPH_INDENT = "   "  # lynx sets running text three columns in, headings flush left
INDENTED_SHARE = 0.3  # of the long lines: a dump that indents its paragraphs so
LONG_LINE = 50  # characters: a line this long is (mostly) running text
FLUSH_LEFT_MAX = 150  # characters: a longer flush-left block is no heading
FLUSH_LEFT_LEVEL = 0  # a flush-left line: a heading of unknown level (h1 and h2 look alike)


def _indents_text(lines: list[str]) -> bool:
    """True when the converter indents running text by three columns and sets headings
    flush left (lynx): that many long lines start with exactly three spaces (other
    converters start paragraphs in column 0 and indent only list items)."""
    long_lines = [ln for ln in lines if len(ln) >= LONG_LINE]
    indented = sum(1 for ln in long_lines if ln[:4] != "    " and ln[:3] == PARAGRAPH_INDENT)
    return bool(long_lines) and indented >= INDENTED_SHARE * len(long_lines)


class _Lines(NamedTuple):
    """A dump's lines as `split_blocks` walks them, with the widths its wraps are judged by."""

    lines: list[str]
    line_widths: list[int]  # display width of each line
    local: list[int]  # the wrap width that holds at each line (0: unwrapped)
    width: int  # the dump's wrap width (0: unwrapped)
    by_chars: bool  # wrapped by characters rather than display columns (lynx's CJK)
    indented: bool  # running text indented, headings flush left (lynx)


def _measured_lines(text: str) -> _Lines:
    """The dump's lines, right-stripped, with layout-table rows and side-by-side columns
    undone, and the wrap widths measured."""
    lines = [
        ln.rstrip()
        for ln in text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(8).split("\n")
    ]
    if "---|" in text:
        lines = split_layout_rows(lines)
    width, line_widths, by_chars = wrap_measure(lines)
    indented = width > 0 and _indents_text(lines)
    # side-by-side table columns (w3m, inscriptis; lynx, which indents, sets table cells one
    # below the other); the page's wrap width is measured before
    columns, column_widths = split_columns(lines) if not indented else (lines, [])
    if columns is not lines:
        lines = columns
        line_widths = list(map(len, lines)) if by_chars else _line_widths(lines)
    local = _local_widths_of(lines, line_widths, width)
    if column_widths and width:  # (in an unwrapped dump a column's lines are not wrapped)
        local = [c or w for c, w in zip(column_widths, local, strict=True)]
    return _Lines(lines, line_widths, local, width, by_chars, indented)


def _parsed_line(raw: str) -> tuple[str, str, int, int, str] | None:
    """(kind, body, level, column, stripped body) of a line; None for a blank line, a rule
    or a placeholder (each ends the block above)."""
    stripped = raw.lstrip()
    first = stripped[:1]
    if not first or (first in _RULE_CHARS and _RULE_RE.match(raw)):
        return None
    pad = len(raw) - len(stripped)
    indent = pad if pad == 0 or raw[:pad].isascii() else display_width(raw[:pad])
    if first in _MARKUP_FIRST or (pad and first.isdigit()):
        kind, body, level, col = _parse_stripped(stripped, indent)
        body_stripped = body.strip()
    else:  # plain text: what `_parse_stripped` returns for it
        kind, body, level, col = "p", stripped, 0, indent
        body_stripped = stripped
    if ((body_stripped[:1] in _PLACEHOLDER_FIRST or len(body_stripped) <= 3)
            and _is_placeholder(body_stripped)):
        return None
    return kind, body, level, col, body_stripped


def split_blocks(text: str) -> list[Block]:
    """Blocks of a dump: blank lines, list markers, headings and indentation changes split;
    hard-wrapped continuation lines are joined (without a space between CJK characters)."""
    m = _measured_lines(text)
    first_word_width = _first_word_chars if m.by_chars else _first_word_width
    flush_left: list[Block] = []  # blocks starting in column 0 of an indented dump
    blocks: list[Block] = []
    wrapped: list[Block] = []  # blocks of wrapped lines: finished once all lines are joined
    cur: Block | None = None
    cur_col = 0
    prev_width = 0
    for i, raw in enumerate(m.lines):
        parsed = _parsed_line(raw)
        if parsed is None:
            cur = None
            continue
        kind, body, level, col, body_stripped = parsed
        w = m.local[i] or m.width
        if not w:  # an unwrapped line is a block of its own, finished at once
            menu, text, keep = _finish_text(body_stripped, True)
            if keep:
                blocks.append(Block(text, kind, level, i, 1, menu))
            cur = None
            continue
        joinable = (
            cur is not None
            and kind == "p"
            and cur.kind != "h"
            and col == cur_col
            and (
                prev_width + 1 + first_word_width(body) > w - 1
                or (prev_width >= EARLY_WRAP * w and _runs_on(cur.text, body_stripped))
            )
        )
        if joinable and cur is not None and cur.n_lines == 1 and _same_row(cur.text, body_stripped):
            joinable = False  # the next row of a listing, not the rest of this one
        if joinable and len(body_stripped) <= AD_LABEL_MAX and _AD_LABEL.match(body_stripped):
            cur = None  # an advertisement's label, never part of the paragraph above it
            continue
        if joinable and cur is not None:
            tail = cur.text[-1:]
            head = body_stripped[:1]
            sep = _wrap_separator(tail, head, prev_width, w, m.by_chars)
            if tail == "-" and len(cur.text) > 1 and cur.text[-2].isalpha() and head.islower():
                sep = ""  # keep hyphenated compounds whole ("long-" + "gestating")
            cur.text += sep + body_stripped
            cur.n_lines += 1
        else:
            cur = Block(body_stripped, kind, level, i)
            blocks.append(cur)
            wrapped.append(cur)
            cur_col = col
            if col == 0 and kind == "p" and m.indented:
                flush_left.append(cur)
        prev_width = m.line_widths[i]
        if kind == "h":
            cur = None
    return _finished(blocks, wrapped, flush_left)


def _finished(blocks: list[Block], wrapped: list[Block], flush_left: list[Block]) -> list[Block]:
    """The blocks with their joined lines finished (`_finish_text`), empty ones left out,
    and short flush-left lines of an indented dump made headings."""
    dropped = False
    for b in wrapped:
        b.menu, b.text, keep = _finish_text(b.text, b.n_lines == 1)
        if not keep:
            b.text, dropped = "", True  # (a kept block's text is never empty)
    for b in flush_left:  # (a line of prose set flush left is no heading: a standfirst)
        if not b.menu and len(b.text) <= FLUSH_LEFT_MAX and b.text[-1:] != ".":
            b.kind, b.level = "h", FLUSH_LEFT_LEVEL
    return [b for b in blocks if b.text] if dropped else blocks


@lru_cache(maxsize=1 << 16)
def _finish_text(text: str, one_line: bool) -> tuple[bool, str, bool]:
    """(menu, text, keep) of a block's raw text: whether it is a menu line (`is_menu_text`,
    for one-line blocks), its text without inline markup (`clean_inline`), and whether
    anything but a placeholder is left.  Cached: a site's chrome lines recur on its pages."""
    # (`is_menu_text` is called only when its cheap test passes; the text is stripped)
    menu = (one_line and len(text) <= 300 and _has_menu_separator(text)
            and is_menu_text(text))
    text = clean_inline(text)
    keep = bool(text) and not _is_placeholder(text)
    return menu, text, keep

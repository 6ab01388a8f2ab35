"""Undo side-by-side text columns in a text dump.

w3m (and inscriptis, which does not wrap: there a cell's paragraph is one line) lays the
cells of a layout table out side by side: an article column on the left and a sidebar on
the right share every line ("At least 106 protesters     *Sidebar teaser").  Read
line by line, the article's sentences interleave with the sidebar's.  `split_columns` finds
runs of lines that share a gutter (a column at which the right-hand text starts, after a
space) and rewrites each run as its left column followed by its right column.

A line belongs to a run when it is blank, ends before the gutter (left column only), is
blank up to it (right column only), or has a space just before it and text at it.  A line
whose left text reaches the gutter with a single space before it cannot be told from
ordinary prose that happens to have a space there, so it is trusted only beside lines with
a wider gap or with right-column text alone; a run needs `MIN_GAP_LINES` lines with a gap
of two or more spaces at the gutter.
"""

from __future__ import annotations

import re
from collections import Counter

_GAP_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
MIN_GUTTER = 20  # columns: a narrower left column is a list's marker or a label, not a cell
MIN_GAP_LINES = 3  # lines with a gap of two or more spaces at the gutter, for a run
TRUST_REACH = 2  # lines around a single-space line where a wider gap must stand

_OUT, _BLANK, _LEFT, _RIGHT, _GAP, _SINGLE = range(6)  # how a line stands to a gutter


def _status(line: str, c: int) -> int:
    """How `line` (right-stripped) stands to a gutter at column `c`."""
    if not line:
        return _BLANK
    if len(line) <= c:
        return _LEFT
    if line[c] == " ":
        return _OUT
    if not line[:c].strip():
        return _RIGHT
    if line[c - 1] != " ":
        return _OUT
    return _GAP if line[c - 2] == " " else _SINGLE


def _runs(lines: list[str], c: int, taken: list[bool]) -> list[tuple[int, int]]:
    """(first, last) line of each run of lines laid out in two columns at gutter `c`."""
    st = [_OUT if t else _status(ln, c) for ln, t in zip(lines, taken, strict=True)]
    n = len(st)
    for i, s in enumerate(st):  # a single space is trusted only near a wider gap
        if s == _SINGLE and not any(
                st[j] in (_GAP, _RIGHT) for j in range(max(0, i - TRUST_REACH),
                                                        min(n, i + TRUST_REACH + 1))):
            st[i] = _OUT
    runs = []
    i = 0
    while i < n:
        if st[i] == _OUT:
            i += 1
            continue
        j = i
        while j + 1 < n and st[j + 1] != _OUT:
            j += 1
        last = j
        while last > i and st[last] in (_BLANK, _LEFT):  # the last two-column line ...
            last -= 1
        while last < j and st[last + 1] == _LEFT:  # ... and the left paragraph it is in
            last += 1
        while i < last and st[i] in (_BLANK, _LEFT):
            i += 1
        if sum(1 for s in st[i : last + 1] if s == _GAP) >= MIN_GAP_LINES:
            runs.append((i, last))
        i = j + 1
    return runs


def split_columns(lines: list[str]) -> tuple[list[str], list[int]]:
    """`lines` (right-stripped) with every run of side-by-side columns rewritten as its left
    column, a blank line and its right column, and per line the width of the column it was
    wrapped in (0 where not known); `lines` itself (and no widths) when there is no run.

    The lines after a run that fit in its left column are the rest of that column's cell:
    they follow the left column, before the right one."""
    gutters = Counter(m.end() for ln in lines
                      if len(ln) > MIN_GUTTER and "  " in ln and "  " in ln.lstrip()
                      for m in _GAP_RE.finditer(ln) if m.end() >= MIN_GUTTER)
    candidates = [c for c, k in gutters.most_common() if k >= MIN_GAP_LINES]
    if not candidates:
        return lines, []
    taken = [False] * len(lines)
    found: list[tuple[int, int, int]] = []
    for c in candidates:
        for i, j in _runs(lines, c, taken):
            found.append((i, j, c))
            taken[i : j + 1] = [True] * (j - i + 1)
    if not found:
        return lines, []
    out: list[str] = []
    widths: list[int] = []
    pos = 0
    for i, j, c in sorted(found):
        if i > pos:
            out += lines[pos:i]
            widths += [0] * (i - pos)
        run = lines[i : j + 1]
        left = [ln[:c].rstrip() for ln in run]
        right = [ln[c:] for ln in run]
        left_width = max(map(len, left))
        right_width = max(map(len, right))
        rest = j + 1  # the rest of the left column's cell comes before the right column
        while rest < len(lines) and not taken[rest] and len(lines[rest]) <= left_width:
            rest += 1
        out += [*left, *lines[j + 1 : rest], "", *right]
        widths += [left_width] * (rest - i) + [0] + [right_width] * len(right)
        pos = rest
    return out + lines[pos:], widths + [0] * (len(lines) - pos)


# html2text's markdown table: a row of cells joined by "|" over a delimiter row ("---|---")
_DELIMITER_RE = re.compile(r"^[-|: ]*---[-: ]*\|[-|: ]*$")
LAYOUT_CELL = 400  # characters: a table cell this long holds a page's text (a layout table)


def split_layout_rows(lines: list[str]) -> list[str]:
    """`lines` with html2text's markdown tables undone where they lay out the page: a
    delimiter row ("---|---") becomes a blank line (it ends the row above it, which a wrapped
    dump would otherwise join to it), and a row above one (the cells joined by "|") that has
    a cell of `LAYOUT_CELL` characters or more is set out as one paragraph per cell: such a
    table holds an article cell and a sidebar cell, not data.  Rows of short cells stay."""
    out: list[str] = []
    n = len(lines)
    for i, ln in enumerate(lines):
        if "|" not in ln:
            out.append(ln)
        elif _DELIMITER_RE.match(ln):
            out.append("")
        elif len(ln) >= LAYOUT_CELL and i + 1 < n and _DELIMITER_RE.match(lines[i + 1]) and max(
                len(c.strip()) for c in ln.split("|")) >= LAYOUT_CELL:
            for cell in ln.split("|"):
                if cell.strip():
                    out += ["", cell.strip(), ""]
        else:
            out.append(ln)
    return out

"""The extractor's data files (``extract/data/``, read by ``datafiles``) and the patterns
compiled from them."""

from __future__ import annotations

import re
from functools import cache

from ..datafiles import read_json, read_lines, read_rows


def data_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of an `extract/data/` file."""
    return read_lines("extract", name)


def data_rows(name: str) -> list[list[str]]:
    """Rows of an `extract/data/` TSV file, each split on tabs (empty fields kept)."""
    return read_rows("extract", name)


def data_json(name: str) -> object:
    """An `extract/data/` JSON file (after its comment header)."""
    return read_json("extract", name)


@cache
def byline_words(use: str) -> str:
    """The byline vocabulary (``byline_words.tsv``) for one use ("line", "inline", "bare",
    "html") as a regex alternation, in the file's order."""
    return "|".join(row[0] for row in data_rows("byline_words.tsv")
                    if use in (u.strip() for u in row[1].split(",")))


@cache
def pattern_groups(name: str) -> dict[str, re.Pattern[str]]:
    """A TSV of ``kind<TAB>regex`` rows compiled into one case-insensitive regex per kind."""
    groups: dict[str, list[str]] = {}
    for row in data_rows(name):
        if len(row) < 2:
            continue
        groups.setdefault(row[0].strip(), []).append(row[1].strip())
    return {
        kind: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
        for kind, pats in groups.items()
    }


_RUN_BREAK = set("^$.")
_QUANT = set("?*+{")


def _split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (``a|(?:b|c)`` -> ``["a", "(?:b|c)"]``)."""
    parts, depth, cur, i = [], 0, [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            if j < len(pattern) and pattern[j] == "^":
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                j += 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            cur.append(pattern[i : j + 1])
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


def _unwrap(alt: str) -> str | None:
    """The body of an alternative that is one whole non-capturing group, else None."""
    if not alt.startswith("(?:") or not alt.endswith(")"):
        return None
    depth = 0
    for i, c in enumerate(alt):
        if c == "\\":
            continue
        if c == "(" and (i == 0 or alt[i - 1] != "\\"):
            depth += 1
        elif c == ")" and alt[i - 1] != "\\":
            depth -= 1
            if depth == 0 and i != len(alt) - 1:
                return None
    return alt[3:-1]


def _required_run(alt: str) -> str:
    """The longest literal text every match of the (alternation-free) regex `alt` contains:
    characters outside groups, classes and escapes, not made optional by a quantifier."""
    runs: list[str] = []
    cur = ""
    depth, i = 0, 0
    while i < len(alt):
        c = alt[i]
        nxt = alt[i + 1] if i + 1 < len(alt) else ""
        if c == "\\":
            esc = alt[i + 1 : i + 2]
            lit = esc if esc and not esc.isalnum() else ""
            i += 2
            after = alt[i : i + 1]
            if depth == 0 and lit and after not in _QUANT:
                cur += lit
            else:
                runs.append(cur)
                cur = ""
            continue
        if c == "[":
            runs.append(cur)
            cur = ""
            j = i + 1
            while j < len(alt) and alt[j] != "]":
                j += 2 if alt[j] == "\\" else 1
            i = j + 1
            continue
        if c == "{":  # a counted quantifier "{m,n}": not literal text
            runs.append(cur)
            cur = ""
            close = alt.find("}", i)
            i = close + 1 if close > 0 else len(alt)
            continue
        if c in "()":
            depth += 1 if c == "(" else -1
            runs.append(cur)
            cur = ""
            i += 1
            continue
        if depth > 0 or c in _RUN_BREAK or c in _QUANT or c in "}|":
            runs.append(cur)
            cur = ""
            i += 1
            continue
        if nxt in _QUANT:  # "colou?r": the quantified character is optional
            runs.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    runs.append(cur)
    return max(runs, key=len)


def required_literals(pattern: str, min_len: int = 3) -> list[str] | None:
    """Literal strings one of which occurs in every match of `pattern` (a cheap substring
    prefilter before running the regex), or None when some alternative has none."""
    out: list[str] = []
    for alt in _split_top(pattern):
        inner = _unwrap(alt)
        if inner is not None and "|" in inner:
            sub = required_literals(inner, min_len)
            if sub is None:
                return None
            out += sub
            continue
        body = inner if inner is not None else alt
        run = _required_run(body)
        if len(run) < min_len:
            group = _required_group(body)
            sub = required_literals(group, min_len) if group is not None else None
            if sub is None:
                return None
            out += sub
            continue
        out.append(run)
    return sorted(set(out))


def _required_group(alt: str) -> str | None:
    """The body of the first top-level group of `alt` that every match goes through (a plain
    or named group not made optional by a quantifier; lookarounds excluded)."""
    depth, start, i = 0, -1, 0
    while i < len(alt):
        c = alt[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            j = i + 1
            while j < len(alt) and alt[j] != "]":
                j += 2 if alt[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            if depth == 0:
                start = i
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                group = alt[start : i + 1]
                after = alt[i + 1 : i + 2]
                if after not in _QUANT and (group.startswith("(?:") or not group.startswith("(?")):
                    if group.startswith("(?:"):
                        return group[3:-1]
                    return group[1:-1]
        i += 1
    return None


def _flat_alternatives(pattern: str) -> list[str]:
    """Top-level alternatives, with alternatives of whole-group alternatives spliced in."""
    out: list[str] = []
    for alt in _split_top(pattern):
        inner = _unwrap(alt)
        if inner is not None and "|" in inner:
            out += _flat_alternatives(inner)
        else:
            out.append(alt)
    return out


def literal_trie(literals: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One regex of `literals` written as a trie of their characters: it costs one pass over
    a text, ``search(text)`` is truthy exactly when some literal occurs in it, and a match is
    the longest literal starting at its position."""
    trie: dict[str, dict] = {}
    for lit in literals:
        node = trie
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(emit(trie) if any(literals) else r"(?!)")


class LiteralSet:
    """Which of a set of literals occur in a text, found in one pass of a `literal_trie`
    (instead of one substring scan per literal)."""

    def __init__(self, literals: list[str] | tuple[str, ...]) -> None:
        self.literals = sorted({lit for lit in literals if lit})
        self.regex = literal_trie(self.literals)
        # a match is the longest literal at its position: the shorter ones there too
        self._prefixes = {lit: [p for p in self.literals if lit.startswith(p)]
                          for lit in self.literals}

    def present(self, text: str, first: re.Match[str] | None = None) -> set[str]:
        """The literals that occur in `text` (overlapping ones included); `first`: the
        match of ``self.regex.search(text)`` when the caller has it already."""
        found: set[str] = set()
        search = self.regex.search
        m = first if first is not None else search(text)
        while m is not None:
            found.update(self._prefixes[m.group()])
            m = search(text, m.start() + 1)
        return found


class GuardedPattern:
    """A regex searched only when its text holds one of the literals its matches need.

    Alternatives with a required literal are tried only if one of those literals is a
    substring of the text (one pass of a trie of the literals, `LiteralSet`), and then only
    those alternatives (each compiled on first use); the few without
    one form a small residual regex that is always searched.  `test(text)` is
    ``bool(regex.search(text))``.  With ``re.IGNORECASE`` the literals are lower-cased, so
    callers pass lower-cased text.
    """

    def __init__(self, pattern: str, flags: int = 0, min_len: int = 3) -> None:
        self.regex = re.compile(pattern, flags)
        self.flags = flags
        self.alternatives = _flat_alternatives(pattern)
        needs: dict[str, list[int]] = {}  # literal -> alternatives whose matches may hold it
        residual: list[str] = []
        for k, alt in enumerate(self.alternatives):
            lits = required_literals(alt, min_len)
            if lits is None:
                residual.append(alt)
                continue
            for lit in lits:
                needs.setdefault(lit.lower() if flags & re.IGNORECASE else lit, []).append(k)
        self.needs = {lit: tuple(alts) for lit, alts in needs.items()}
        self.literals = tuple(sorted(needs, key=len))
        self.scanner = LiteralSet(self.literals)
        self.residual = re.compile("|".join(residual), flags) if residual else None
        self._compiled: dict[int, re.Pattern[str]] = {}  # alternative -> its regex

    def maybe(self, text: str) -> bool:
        """False only when the regex certainly has no match in `text`."""
        if self.residual is not None and self.residual.search(text):
            return True
        return self.scanner.regex.search(text) is not None

    def test(self, text: str) -> bool:
        """True when the regex matches somewhere in `text`."""
        if self.residual is not None and self.residual.search(text):
            return True
        first = self.scanner.regex.search(text)
        if first is None:
            return False
        found = self.scanner.present(text, first)
        for k in sorted({k for lit in found for k in self.needs[lit]}):
            rx = self._compiled.get(k)
            if rx is None:
                rx = self._compiled[k] = re.compile(self.alternatives[k], self.flags)
            if rx.search(text):
                return True
        return False

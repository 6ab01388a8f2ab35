"""A learned second opinion on the rule cleaner's choice of article blocks in a text dump.

In the tradition of boilerpipe and Web2Text, every block near the article region gets a
feature vector (length, sentence punctuation, share of short function-like words, share of
title-cased words, list/menu/pipe markers, position, repetition in the dump, similarity to
the headline, its neighbours' classes and the rule cleaner's own decision) and a logistic
model trained on the dev dumps (``bench/train_block_classifier.py``) gives the probability
that it is article text.  The model's weights live in ``data/block_model.json``; without
that file the rule cleaner's choice stands unchanged.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from functools import lru_cache

from ..datafiles import data_path
from .classify import BAD, GOOD, NEAR, SHORT, Scored
from .resources import data_json

MODEL_FILE = "block_model.json"
WINDOW = 8  # blocks before and after the rule's region that the model may add
REASONS = ("boilerplate", "caption", "repeated", "end", "aside", "double", "copy", "list",
           "fragment")
_WORD = re.compile(r"[^\W\d_]+")
_TERMINAL = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
_MARKERS = re.compile(r"[|•·»›©@#]|https?:|www\.|\[\d*\]")

# features of a block alone (text, markup, the rules' class) ...
STATIC = (
    "log_len", "log_words", "sentences", "terminal", "short_words", "lower_words",
    "title_words", "digits", "markers", "li", "heading", "menu", "good", "near", "short",
    "bad", *(f"reason_{r}" for r in REASONS),
)
# ... and of its place in the dump, the rule's region and its neighbours
DYNAMIC = (
    "bias", "position", "repeats", "headline_sim", "rule_kept", "in_region",
    "region_distance", "prev_kept", "next_kept", "prev_good", "next_good", "prev_bad",
    "next_bad", "region_share", "to_region_end", "to_region_start", "prev_caption",
    "next_caption", "prev_short", "next_short",
)
FEATURES = STATIC + DYNAMIC


_SHORT_WORD = (4).__gt__  # a word of at most three letters
_ASCII_DIGITS = "0123456789"


def _count_digits(text: str) -> int:
    """Number of characters of `text` that are digits (``str.isdigit``)."""
    if text.isascii():
        return sum(map(text.count, _ASCII_DIGITS))
    return sum(map(str.isdigit, text))


@lru_cache(maxsize=1 << 16)
def _static_row(text: str, kind: str, menu: bool, klass: str, reason: str, weight: int,
                words: int, sentences: int) -> tuple[float, ...]:
    """The STATIC features of a block (cached: chrome lines recur across dumps)."""
    found = _WORD.findall(text)
    n = len(found) or 1
    initials = "".join(map(operator.itemgetter(0), found))
    return (
        math.log1p(weight), math.log1p(words), min(sentences, 5) / 5.0,
        1.0 if _TERMINAL.search(text) else 0.0,
        sum(map(_SHORT_WORD, map(len, found))) / n,
        sum(map(str.islower, initials)) / n,
        sum(map(str.isupper, initials)) / n,
        _count_digits(text) / (len(text) or 1),
        1.0 if _MARKERS.search(text) else 0.0,
        float(kind == "li"), float(kind == "h"), float(menu),
        float(klass == GOOD), float(klass == NEAR), float(klass == SHORT), float(klass == BAD),
        *(float(reason == r) for r in REASONS),
    )


def static_row(s: Scored) -> tuple[float, ...]:
    b = s.block
    return _static_row(b.text, b.kind, b.menu, s.klass, s.reason, s.weight, s.words,
                       s.sentences)


@lru_cache(maxsize=1 << 14)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


def dynamic_row(scored: list[Scored], kept: set[int], start: int, end: int,
                title_words: frozenset[str], counts: dict[str, int], i: int,
                region_weight: int) -> list[float]:
    """The DYNAMIC features of block `i`."""
    s = scored[i]
    n = len(scored)
    sim = 0.0
    if title_words:
        bw = _word_set(s.text)
        shared = len(title_words & bw)
        sim = shared / ((len(title_words) + len(bw) - shared) or 1)  # Jaccard
    inside = start <= i <= end
    dist = 0 if inside else min(abs(i - start), abs(i - end))
    prev, nxt = (scored[i - 1] if i > 0 else None), (scored[i + 1] if i + 1 < n else None)
    # (1.0 if ... else 0.0: the float() of each test, without a call)
    return [
        1.0, i / n, math.log(counts.get(s.text, 1)), sim, 1.0 if i in kept else 0.0,
        1.0 if inside else 0.0, min(dist, WINDOW) / WINDOW,
        1.0 if i - 1 in kept else 0.0, 1.0 if i + 1 in kept else 0.0,
        1.0 if prev is not None and prev.klass == GOOD else 0.0,
        1.0 if nxt is not None and nxt.klass == GOOD else 0.0,
        1.0 if prev is None or prev.klass == BAD else 0.0,
        1.0 if nxt is None or nxt.klass == BAD else 0.0,
        min(1.0, s.weight / (region_weight or 1)),
        min(abs(end - i), WINDOW) / WINDOW, min(abs(i - start), WINDOW) / WINDOW,
        1.0 if prev is not None and prev.reason == "caption" else 0.0,
        1.0 if nxt is not None and nxt.reason == "caption" else 0.0,
        1.0 if prev is not None and prev.weight < 60 else 0.0,
        1.0 if nxt is not None and nxt.weight < 60 else 0.0,
    ]


def candidate_rows(scored: list[Scored], body: list[Scored], start: int, end: int,
                   title: str, body_only: bool = False) -> tuple[list[int], list[list[float]]]:
    """(indices, feature rows) of the blocks the model decides on: the rule's region and
    WINDOW blocks on either side (only the rule's own blocks with `body_only`)."""
    in_body = {id(s) for s in body}
    kept = {i for i in range(max(0, start), min(len(scored), end + 1))
            if id(scored[i]) in in_body}
    counts = Counter(map(operator.attrgetter("text"), scored))
    lo, hi = max(0, start - WINDOW), min(len(scored), end + WINDOW + 1)
    idx = sorted(kept) if body_only else list(range(lo, hi))
    region_weight = sum(scored[i].weight for i in kept)
    tw = _word_set(title) if title else frozenset()
    return idx, [[*static_row(scored[i]),
                  *dynamic_row(scored, kept, start, end, tw, counts, i, region_weight)]
                 for i in idx]


@lru_cache(maxsize=1)
def load_model() -> tuple[list[float], tuple[float, float]] | None:
    """(weights, (drop_below, add_above)) from data/block_model.json, or None when there is
    none: a block the rules kept is dropped when the model's probability is below the first
    threshold, a block they left out is added when it is above the second."""
    if not data_path("extract", MODEL_FILE).is_file():
        return None
    model = data_json(MODEL_FILE)
    assert isinstance(model, dict)
    if list(model["features"]) != list(FEATURES):
        raise ValueError(f"{MODEL_FILE} was trained on other features; re-run "
                         "bench/train_block_classifier.py")
    return ([float(w) for w in model["weights"]],
            (float(model["drop_below"]), float(model["add_above"])))


def probabilities(weights: list[float], rows: list[list[float]]) -> list[float]:
    """The model's probability that each row's block is article text."""
    out = []
    for row in rows:
        z = max(-30.0, min(30.0, sum(map(operator.mul, weights, row))))
        out.append(1.0 / (1.0 + math.exp(-z)))
    return out


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text)).casefold()


def refine_body(scored: list[Scored], body: list[Scored], start: int, end: int,
                title: str, title_i: int, summary: str,
                keep: frozenset[int] = frozenset()) -> list[Scored]:
    """The article's blocks as the learned model chooses them around the rule's region
    (the rule's choice when no model is shipped).  The headline block, copies of the
    headline and the standfirst are never added; blocks whose index is in `keep` (a listing
    the rules took as a whole) are never dropped."""
    model = load_model()
    if model is None or not body:
        return body
    weights, (drop_below, add_above) = model
    idx, rows = candidate_rows(scored, body, start, end, title, body_only=add_above > 1.0)
    title_key = _norm(title)
    in_body = {id(s) for s in body}
    out: list[Scored] = []
    seen: set[str] = set()
    for i, p in zip(idx, probabilities(weights, rows), strict=True):
        s = scored[i]
        if id(s) in in_body:  # the rule's block (repeats as the rule kept them)
            if p >= drop_below or i in keep:
                out.append(s)
                seen.add(s.text)
            continue
        if s.text in seen or i == title_i or s.text == summary or _norm(s.text) == title_key:
            continue
        if p >= add_above:
            out.append(s)
            seen.add(s.text)
    return out or body

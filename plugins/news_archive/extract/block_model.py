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
import re
from functools import lru_cache

import numpy as np

from .classify import BAD, GOOD, NEAR, SHORT, Scored
from .resources import DATA_DIR, data_json

MODEL_FILE = "block_model.json"
WINDOW = 8  # blocks before and after the rule's region that the model may add
REASONS = ("boilerplate", "caption", "repeated", "end", "aside", "double", "copy", "list",
           "fragment")
_WORD = re.compile(r"[^\W\d_]+")
_TERMINAL = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
_MARKERS = re.compile(r"[|•·»›©@#]|https?:|www\.|\[\d*\]")

FEATURES = (
    "bias", "log_len", "log_words", "sentences", "terminal", "short_words", "lower_words",
    "title_words", "digits", "markers", "li", "heading", "menu", "position", "repeats",
    "headline_sim", "rule_kept", "in_region", "region_distance", "good", "near", "short",
    "bad", *(f"reason_{r}" for r in REASONS), "prev_kept", "next_kept", "prev_good",
    "next_good", "prev_bad", "next_bad", "region_share", "to_region_end", "to_region_start",
    "prev_caption", "next_caption", "prev_short", "next_short",
)


def _text_features(text: str) -> tuple[float, ...]:
    """Features of a block's text alone (cached: chrome lines recur across dumps)."""
    return _cached_text_features(text)


@lru_cache(maxsize=1 << 16)
def _cached_text_features(text: str) -> tuple[float, ...]:
    words = _WORD.findall(text)
    n = len(words) or 1
    short = sum(1 for w in words if len(w) <= 3) / n
    lower = sum(1 for w in words if w[0].islower()) / n
    title = sum(1 for w in words if w[0].isupper()) / n
    digits = sum(c.isdigit() for c in text) / (len(text) or 1)
    return (short, lower, title, digits, 1.0 if _MARKERS.search(text) else 0.0,
            1.0 if _TERMINAL.search(text) else 0.0)


@lru_cache(maxsize=1 << 14)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


def block_features(scored: list[Scored], kept: set[int], start: int, end: int,
                   title: str, counts: dict[str, int], i: int,
                   region_weight: int) -> list[float]:
    """The feature vector of block `i` (see FEATURES)."""
    s = scored[i]
    short, lower, title_share, digits, markers, terminal = _text_features(s.text)
    n = len(scored)
    tw = _word_set(title)
    sim = 0.0
    if tw:
        bw = _word_set(s.text)
        sim = len(tw & bw) / (len(tw | bw) or 1)
    dist = 0 if start <= i <= end else min(abs(i - start), abs(i - end))
    prev, nxt = (scored[i - 1] if i > 0 else None), (scored[i + 1] if i + 1 < n else None)
    row = [
        1.0, math.log1p(s.weight), math.log1p(s.words), min(s.sentences, 5) / 5.0, terminal,
        short, lower, title_share, digits, markers,
        float(s.block.kind == "li"), float(s.block.kind == "h"), float(s.block.menu),
        i / n, math.log(counts.get(s.text, 1)), sim,
        float(i in kept), float(start <= i <= end), min(dist, WINDOW) / WINDOW,
        float(s.klass == GOOD), float(s.klass == NEAR), float(s.klass == SHORT),
        float(s.klass == BAD),
    ]
    row += [float(s.reason == r) for r in REASONS]
    row += [float(i - 1 in kept), float(i + 1 in kept),
            float(prev is not None and prev.klass == GOOD),
            float(nxt is not None and nxt.klass == GOOD),
            float(prev is None or prev.klass == BAD), float(nxt is None or nxt.klass == BAD)]
    row += [min(1.0, s.weight / (region_weight or 1)),
            min(abs(end - i), WINDOW) / WINDOW, min(abs(i - start), WINDOW) / WINDOW,
            float(prev is not None and prev.reason == "caption"),
            float(nxt is not None and nxt.reason == "caption"),
            float(prev is not None and prev.weight < 60),
            float(nxt is not None and nxt.weight < 60)]
    return row


def candidate_rows(scored: list[Scored], body: list[Scored], start: int, end: int,
                   title: str, body_only: bool = False) -> tuple[list[int], list[list[float]]]:
    """(indices, feature rows) of the blocks the model decides on: the rule's region and
    WINDOW blocks on either side (only the rule's own blocks with `body_only`)."""
    index = {id(s): i for i, s in enumerate(scored)}
    kept = {index[id(s)] for s in body if id(s) in index}
    counts: dict[str, int] = {}
    for s in scored:
        counts[s.text] = counts.get(s.text, 0) + 1
    lo, hi = max(0, start - WINDOW), min(len(scored), end + WINDOW + 1)
    idx = sorted(kept) if body_only else list(range(lo, hi))
    region_weight = sum(scored[i].weight for i in kept)
    return idx, [block_features(scored, kept, start, end, title, counts, i, region_weight)
                 for i in idx]


@lru_cache(maxsize=1)
def load_model() -> tuple[list[float], tuple[float, float]] | None:
    """(weights, (drop_below, add_above)) from data/block_model.json, or None when there is
    none: a block the rules kept is dropped when the model's probability is below the first
    threshold, a block they left out is added when it is above the second."""
    if not (DATA_DIR / MODEL_FILE).is_file():
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
    if not rows:
        return []
    z = np.clip(np.asarray(rows) @ np.asarray(weights), -30.0, 30.0)
    return (1.0 / (1.0 + np.exp(-z))).tolist()


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text)).casefold()


def refine_body(scored: list[Scored], body: list[Scored], start: int, end: int,
                title: str, title_i: int, summary: str) -> list[Scored]:
    """The article's blocks as the learned model chooses them around the rule's region
    (the rule's choice when no model is shipped).  The headline block, copies of the
    headline and the standfirst are never added."""
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
        if s.text in seen or i == title_i:
            continue
        if id(s) not in in_body and (s.text == summary or _norm(s.text) == title_key):
            continue
        if p >= (drop_below if id(s) in in_body else add_above):
            out.append(s)
            seen.add(s.text)
    return out or body

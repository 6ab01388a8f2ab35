"""py3langid's `classify`, with its byte-automaton walk vectorised: same answers, less CPU.

py3langid (0.4) scores a text by walking an Aho-Corasick automaton over the text's UTF-8
bytes, one Python step per byte, counting the feature each state it reaches emits; the
counts then go through a naive Bayes model. In an Aho-Corasick automaton the state after a
byte is the longest suffix of the input so far that is a prefix of some feature (a node of
the feature trie), so it is at most `depth` bytes long, `depth` being the trie's height: the
state after byte i depends only on bytes i - depth + 1 .. i. `feature_counts` therefore
finds the state at every position at once, in `depth` vectorised steps from the root over
all positions (each position reading its own window of bytes), instead of one dependent
lookup per byte, and counts the features in the order the byte walk first meets them, so
the scores are computed from the very same numbers, in the same order, as py3langid's.

Preparing the walk (`walk_of`: the trie's height, a breadth-first pass over the automaton,
and a check against py3langid) costs about 0.15 s, as much as walking a hundred texts byte by
byte: `classify` leaves the first `FAST_AFTER` texts of a process to py3langid, so a rebuild
that reads ten new files does not pay it; `prepare` (ingest's warm-up, before its workers
fork) sets the walk up at once. `classify` also falls back to py3langid's own when the
identifier does not have the layout this module reads (another py3langid release).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np


@dataclass(frozen=True)
class Walk:
    """The automaton as arrays: next state by (row base + byte), feature by state (-1: none)."""

    nextmove: np.ndarray  # uint32, a view of py3langid's own array (no copy)
    rowbase: np.ndarray  # intp: state -> offset of its row in `nextmove` (row << 8)
    output: np.ndarray  # intp: state -> feature index, or -1
    depth: int  # the longest state (trie height), in bytes


class Float32Rows:
    """The model's feature table (float16 in py3langid 0.4) as float32, each row converted the
    first time a text has its feature: numpy converts the gathered rows to float32 before
    every product anyway, and that conversion costs more than the product. Converted rows
    are packed in order of first use (a table of slots says where), so the memory grows with
    the features met, about 0.6 KB each, not with the model's 100,000."""

    def __init__(self, table: np.ndarray) -> None:
        self.source = table
        self.slot = np.full(len(table), -1, dtype=np.intp)  # feature -> row of `rows`
        self.rows = np.empty((256, table.shape[1]), dtype=np.float32)
        self.used = 0

    def take(self, feats: np.ndarray) -> np.ndarray:
        """`source[feats]` as float32 (the same values: float16 -> float32 is exact);
        `feats` holds no index twice."""
        slots = self.slot[feats]
        new = feats[slots < 0]
        if len(new):
            end = self.used + len(new)
            if end > len(self.rows):
                grown = np.empty((max(end, 2 * len(self.rows)), self.rows.shape[1]),
                                 dtype=np.float32)
                grown[: self.used] = self.rows[: self.used]
                self.rows = grown
            self.rows[self.used : end] = self.source[new]
            self.slot[new] = np.arange(self.used, end)
            self.used = end
            slots = self.slot[feats]
        return self.rows[slots]


_ROWS: dict[int, Float32Rows] = {}  # by id() of the table (each keeps its table alive)


def table_rows(identifier, feats: np.ndarray) -> np.ndarray:
    """The identifier's feature table at `feats`, as float32 (cached per table, so a table
    replaced by `set_languages` gets its own)."""
    table = identifier.nb_ptc
    if table.dtype != np.float16:
        return table[feats]
    rows = _ROWS.get(id(table))
    if rows is None or rows.source is not table:
        rows = _ROWS[id(table)] = Float32Rows(table)
    return rows.take(feats)


def tree_depth(nextmove: np.ndarray, rowbase: np.ndarray) -> int:
    """Height of the automaton's trie: the most steps from the root (state 0) that any state
    needs, breadth-first over every byte of every state of a level (states that share a row
    of `nextmove` are expanded once)."""
    n = len(rowbase)
    seen = np.zeros(n, dtype=bool)
    seen[0] = True
    level, depth = np.zeros(1, dtype=np.intp), 0
    every_byte = np.arange(256, dtype=np.intp)
    while True:
        rows = np.unique(rowbase[level])
        new = np.zeros(n, dtype=bool)
        for k in range(0, len(rows), 4096):  # in chunks: small temporary arrays
            new[nextmove[(rows[k : k + 4096, None] + every_byte).ravel()]] = True
        new &= ~seen
        level = np.flatnonzero(new)
        if not len(level):
            return depth
        seen |= new
        depth += 1


# Texts on which the vectorised walk is checked against py3langid's own once per process:
# a model whose automaton were not an Aho-Corasick one would differ and is walked by py3langid.
SELF_CHECK = (
    "The council met on Monday, officials said, and will meet again next week.",
    "Le conseil s'est réuni lundi, ont indiqué des responsables à l'AFP.",
    "Der Stadtrat tagte am Montag; die Sitzung dauerte länger als geplant.",
    "Совет собрался в понедельник, сообщили официальные лица.",
    "مجلس المدينة اجتمع يوم الاثنين، حسبما قال المسؤولون",
    "市议会周一举行会议，官员表示。",
    "x", "",
)


@lru_cache(maxsize=4)
def walk_of(identifier) -> Walk | None:
    """The identifier's automaton as arrays, or None when it is not laid out as in
    py3langid 0.4 (`tk_nextmove` an array of ints, `_rowbase`, `tk_output` lists)."""
    try:
        moves, rowbase, output = (identifier.tk_nextmove, identifier._rowbase,
                                  identifier.tk_output)
        nextmove = np.frombuffer(moves, dtype=np.dtype(f"u{moves.itemsize}"))
        rows = np.asarray(rowbase, dtype=np.intp)
        out = np.asarray(output, dtype=np.intp)
    except (AttributeError, TypeError, ValueError):
        return None
    if rows.ndim != 1 or out.shape != rows.shape or len(nextmove) < int(rows.max()) + 256:
        return None
    walk = Walk(nextmove, rows, out, tree_depth(nextmove, rows))
    return walk if _agrees(walk, identifier) else None


def _agrees(walk: Walk, identifier) -> bool:
    """True when `feature_counts` gives py3langid's own counts on the `SELF_CHECK` texts."""
    try:
        from py3langid.langid import visit_counts
    except ImportError:
        return False
    for text in SELF_CHECK:
        data = identifier._encode(text)
        theirs = visit_counts(identifier.tk_nextmove, identifier._rowbase,
                              identifier.tk_output, data)
        ours = feature_counts(walk, data)
        if theirs is None or ours is None:
            if theirs is not ours:
                return False
        elif list(theirs.items()) != list(zip(ours[0].tolist(), ours[1].tolist(), strict=True)):
            return False
    return True


def feature_counts(walk: Walk, data: bytes) -> tuple[np.ndarray, np.ndarray] | None:
    """(feature indices, counts) met walking `data`, in order of first occurrence; None if
    no feature occurs (as py3langid's `visit_counts`, which returns a Counter)."""
    text = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
    n = len(text)
    state = np.zeros(n, dtype=np.intp)  # state[i]: after bytes i - k .. i (k counts down)
    nextmove, rowbase = walk.nextmove, walk.rowbase
    for k in range(min(walk.depth, n) - 1, -1, -1):
        # positions i >= k read byte i - k; those before k have not started yet (root)
        state[k:] = nextmove[rowbase[state[k:]] + text[: n - k]]
    feats = walk.output[state]
    feats = feats[feats >= 0]
    if not len(feats):
        return None
    uniq, first, counts = np.unique(feats, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    return uniq[order], counts[order]


FAST_AFTER = 100  # texts classified by py3langid itself before the walk is prepared
_calls: dict[int, int] = {}  # texts classified so far, by id() of the identifier


def prepare(identifier) -> bool:
    """Set the walk up now (True when the identifier can be walked in numpy)."""
    _calls[id(identifier)] = FAST_AFTER
    return walk_of(identifier) is not None


def _walk_ready(identifier) -> Walk | None:
    """The identifier's walk once `FAST_AFTER` texts have been classified (or `prepare`d)."""
    n = _calls.get(id(identifier), 0)
    if n < FAST_AFTER:
        _calls[id(identifier)] = n + 1
        return None
    return walk_of(identifier)


def classify(identifier, text: str) -> tuple[str, float]:
    """(language, confidence) exactly as `identifier.classify(text)` answers it."""
    walk = _walk_ready(identifier)
    if walk is None or not getattr(identifier, "_norm_probs", False):
        return identifier.classify(text)
    data = identifier._encode(text)
    found = feature_counts(walk, data)
    if found is None:  # py3langid: no features -> uniform scores (abstain)
        scores = np.full(len(identifier.nb_classes), 0.0, dtype=np.float32)
    else:
        feats, counts = found
        scores = (np.log1p(counts.astype(np.float32)) @ table_rows(identifier, feats)
                  + identifier.nb_pc)
    # the rest as py3langid's `_decide` and `classify` (norm_probs=True)
    scores *= 1.0 / math.sqrt(len(data) or 1)
    np.exp(scores - scores.max(), out=scores)
    scores /= scores.sum()
    for i, j in identifier._alias_pairs:
        scores[i] += scores[j]
        scores[j] = 0.0
    best = int(scores.argmax())
    conf = float(scores[best])
    if identifier.min_confidence is not None and conf < identifier.min_confidence:
        return "und", conf
    return identifier.nb_classes[best], conf

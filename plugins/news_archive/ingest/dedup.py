"""Near-duplicate articles: MinHash sketches of word shingles, with LSH banding.

The same story saved twice (two scrapes, an HTML and a text dump of one page, a wire story on
two sites) differs in chrome and whitespace but shares almost all of its body. Exact copies are
caught earlier by sha256; this module catches the rest.
"""

from __future__ import annotations

import re
import zlib
from itertools import accumulate
from operator import eq

import numpy as np

SHINGLE = 5  # words per shingle
PERMUTATIONS = 64
BANDS = 16  # 16 bands x 4 rows: pairs at Jaccard 0.8 collide in some band with p > 0.99
THRESHOLD = 0.8  # estimated Jaccard similarity above which two bodies are one article
_WORD = re.compile(r"\w+")

# Fixed coefficients (odd multipliers) so sketches are stable across processes and runs.
_rng = np.random.default_rng(20211)
_A = (_rng.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) | np.uint64(1))[:, None]
_B = _rng.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)[:, None]


def sketch(text: str) -> list[int]:
    """MinHash signature (PERMUTATIONS ints) of a body's word shingles; [] if too short."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE * 3:
        return []
    hashes = np.fromiter(_shingle_hashes(words), dtype=np.uint64)
    # Multiply-shift hashing; uint64 arithmetic wraps, which is what the scheme wants.
    mixed = _A * hashes[None, :]
    mixed += _B
    mixed >>= np.uint64(32)
    return mixed.min(axis=1).tolist()


def _shingle_hashes(words: list[str]) -> set[int]:
    """CRC-32 of each SHINGLE-word window joined by single spaces (UTF-8), deduplicated.

    The words are joined and encoded once; each shingle is then a slice of that buffer
    (a zero-copy memoryview) between precomputed byte offsets of the word starts.
    """
    joined = " ".join(words).encode("utf-8")
    if len(joined) == sum(map(len, words)) + len(words) - 1:  # ASCII: 1 byte per character
        sizes = map(len, words)
    else:
        sizes = (len(w.encode("utf-8")) for w in words)
    starts = [0, *accumulate(n + 1 for n in sizes)]  # starts[k]: byte offset of word k
    buf = memoryview(joined)
    crc = zlib.crc32
    return {
        crc(buf[a : b - 1]) for a, b in zip(starts, starts[SHINGLE:], strict=False)
    }


def similarity(s1: list[int], s2: list[int]) -> float:
    """Estimated Jaccard similarity of two sketches."""
    if not s1 or not s2:
        return 0.0
    if len(s1) != len(s2):
        raise ValueError("sketches of different lengths")
    return sum(map(eq, s1, s2)) / len(s1)


class NearDuplicateIndex:
    """Keys with sketches; `find` returns the first indexed key a new sketch duplicates.

    Candidates are the keys sharing a band with the new sketch. The first `SCAN_FINDS` finds
    compare the bands of all indexed sketches at once (numpy), which costs far less than
    building every band's bucket when a run brings a few new files into a large archive;
    from then on (a first run over many files) the index keeps band buckets."""

    SCAN_FINDS = 32

    def __init__(self) -> None:
        self._sketches: dict[str, list[int]] = {}
        self._added: list[tuple[str, list[int]]] = []  # every add, in order (until bucketed)
        self._buckets: dict[tuple[int, tuple[int, ...]], list[str]] | None = None
        # the scan's rows: their keys, their bands, how many of `_added` they cover, and the
        # sketches of another length among those (compared one by one)
        self._matrix: tuple[list[str], np.ndarray, int, list[tuple[str, list[int]]]] | None = None
        self._finds = 0

    def add(self, key: str, sig: list[int]) -> None:
        if not sig:
            return
        self._sketches[key] = sig
        if self._buckets is None:
            self._added.append((key, sig))
        else:
            self._bucket(key, sig)

    def find(self, sig: list[int]) -> str | None:
        if not sig:
            return None
        self._finds += 1
        if self._buckets is None and self._finds > self.SCAN_FINDS:
            self._buckets = {}
            for key, old in self._added:
                self._bucket(key, old)
            self._added, self._matrix = [], None
        if self._buckets is not None:
            candidates = {k for band in _bands(sig) for k in self._buckets.get(band, ())}
        else:
            candidates = self._scan(sig)
        best = max(
            ((similarity(sig, self._sketches[k]), k) for k in candidates),
            default=(0.0, None),
            key=lambda pair: (pair[0], pair[1] or ""),
        )
        return best[1] if best[0] >= THRESHOLD else None

    def _bucket(self, key: str, sig: list[int]) -> None:
        for band in _bands(sig):
            self._buckets.setdefault(band, []).append(key)

    def _scan(self, sig: list[int]) -> set[str]:
        """Keys of the added sketches that share a band with `sig` (as the buckets would):
        those in the matrix by numpy, those added since it was made (and any of another
        length, from an older state) one by one."""
        if self._matrix is None or len(self._added) - self._matrix[2] > self.SCAN_FINDS:
            rows = [(k, old) for k, old in self._added if len(old) == PERMUTATIONS]
            matrix = np.array([old for _, old in rows], dtype=np.uint64).reshape(
                len(rows), BANDS, PERMUTATIONS // BANDS)
            odd = [(k, old) for k, old in self._added if len(old) != PERMUTATIONS]
            self._matrix = ([k for k, _ in rows], matrix, len(self._added), odd)
        keys, matrix, covered, odd = self._matrix
        mine = set(_bands(sig))
        found = {k for k, old in (*odd, *self._added[covered:])
                 if mine.intersection(_bands(old))}
        if len(sig) == PERMUTATIONS and len(keys):
            query = np.array(sig, dtype=np.uint64).reshape(BANDS, PERMUTATIONS // BANDS)
            shared = (matrix == query).all(axis=2).any(axis=1)
            found.update(keys[i] for i in np.flatnonzero(shared))
        return found


def _bands(sig: list[int]) -> list[tuple[int, tuple[int, ...]]]:
    rows = len(sig) // BANDS
    return [(b, tuple(sig[b * rows : (b + 1) * rows])) for b in range(BANDS)]

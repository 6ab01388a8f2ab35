"""Learned decision over candidate organization spans (logistic regression weights).

The weights live in data/org_scorer.tsv (written by bench/train_org_scorer.py): one
``feature<TAB>weight`` per line, plus ``__threshold__`` (the probability above which a
candidate is accepted). A candidate's score is the sum of its features' weights.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..datafiles import data_path
from .document import Doc
from .gazetteer import _lines
from .org_candidates import Candidate, candidates

WEIGHTS_FILE = "org_scorer.tsv"
_override: dict[str, float] | None = None


@lru_cache(maxsize=1)
def _shipped() -> dict[str, float]:
    if not data_path("tagging", WEIGHTS_FILE).exists():
        return {}
    out = {}
    for ln in _lines(WEIGHTS_FILE):
        name, value = ln.split("\t")[:2]
        out[name] = float(value)
    return out


def weights() -> dict[str, float]:
    """The weights in use (the shipped file unless a training run set others)."""
    return _override if _override is not None else _shipped()


def set_weights(w: dict[str, float] | None) -> None:
    """Use other weights (training and cross-validation); None restores the shipped ones."""
    global _override
    _override = w


def probability(feats: list[str], w: dict[str, float]) -> float:
    """Logistic probability that the candidate is an organization."""
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def accept(doc: Doc, orgs, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add the candidates the model accepts to `orgs` and mark their tokens; return the
    pieces again (tokens now owned are skipped by the later recognisers)."""
    w = weights()
    if not w:
        return pieces
    threshold = w.get("__threshold__", 0.5)
    # features are computed before any candidate is accepted, as in training
    for cand in list(candidates(doc, pieces, orgs)):
        if cand.features == ["known"] or probability(cand.features, w) >= threshold:
            _take(doc, orgs, cand)
    return pieces


def _take(doc: Doc, orgs, cand: Candidate) -> None:
    name = cand.text
    orgs.add(orgs.lookup(name) or name, name)
    for t in range(cand.i, cand.j):
        doc.owner[t] = "org"

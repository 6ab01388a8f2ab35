"""The summary an article list shows: the header's, else the body's summary.

`fast_rebuilds` (when the site lists it) keeps the body's summary as `frozen_summary`, computed
once per build; without it Pelican's own `summary` is computed on access.
"""

from __future__ import annotations


def summary_of(article):
    """The header summary, else `frozen_summary` (fast_rebuilds), else Pelican's `summary`."""
    meta = getattr(article, "metadata", None) or {}
    if "summary" in meta:
        return meta["summary"]
    frozen = getattr(article, "frozen_summary", None)
    return frozen if frozen is not None else getattr(article, "summary", None)

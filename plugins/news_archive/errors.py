"""Exceptions raised while reading raw files: each carries a human-readable reason."""

from __future__ import annotations


class UnreadableInput(ValueError):
    """A raw file (or one record of it) that cannot be turned into an article."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnknownRecordShape(UnreadableInput):
    """A JSON record whose field names match no known scraper layout."""

"""Language of an article's text as an ISO 639-1 code, with py3langid (model loaded once)."""

from __future__ import annotations

import re
from functools import lru_cache

MIN_PROBABILITY = 0.80  # below this (normalised) probability the answer is "" (unsure)
MIN_LETTERS = 12  # texts with fewer letters are too short to tell
SAMPLE_CHARS = 2000
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # the loader's name differs between py3langid releases
    load = getattr(LanguageIdentifier, "from_model_file", None)
    if load is None:
        load = LanguageIdentifier.from_pickled_model
    return load(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when it is too short or unclear."""
    sample = (text or "")[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return ""
    code, prob = _identifier().classify(sample)
    return code if prob >= MIN_PROBABILITY and len(code) == 2 else ""


def _has_letters(text: str, n: int) -> bool:
    """True when text holds at least n letters (most texts show them in their first line)."""
    return len(_LETTER.findall(text, 0, 8 * n)) >= n or len(_LETTER.findall(text)) >= n

"""Language of an article's text as an ISO 639-1 code, with py3langid (model loaded once, from
a decompressed copy, `langid_model`; its automaton walked in numpy by `langid_walk`, with the
same answers)."""

from __future__ import annotations

import re
from functools import lru_cache

from .langid_model import load_identifier
from .langid_walk import classify, prepare

MIN_PROBABILITY = 0.80  # below this (normalised) probability the answer is "" (unsure)
MIN_LETTERS = 12  # texts with fewer letters are too short to tell
# The identifier reads the first SAMPLE_CHARS characters (its cost grows with the length). 1,000
# gives the same language as 2,000 on every text checked: the dev corpus's dumps, pages and
# truth texts, the labelled entity texts, content/raw, bench/data's samples and 5,000 files of
# bench/generate_archive.py (5,594 samples; also at 600), see tests/tagging/test_language.py.
SAMPLE_CHARS = 1000
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier():
    return load_identifier(norm_probs=True)


def load() -> None:
    """Load the model and prepare its fast walk now (before a process pool forks)."""
    prepare(_identifier())


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when it is too short or unclear."""
    sample = (text or "")[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return ""
    code, prob = classify(_identifier(), sample)
    return code if prob >= MIN_PROBABILITY and len(code) == 2 else ""


def _has_letters(text: str, n: int) -> bool:
    """True when text holds at least n letters (most texts show them in their first line)."""
    return len(_LETTER.findall(text, 0, 8 * n)) >= n or len(_LETTER.findall(text)) >= n

"""Extra words for the search index of an article page: bylines, and names without accents.

Pagefind matches words as written, so "Lodz" would not find "Łódź". The article template prints
`article|news_search_terms` in a hidden element inside the indexed region.
"""

from __future__ import annotations

import re
import unicodedata

_TAG = re.compile(r"<[^>]+>")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
# letters that Unicode decomposition does not turn into ASCII
_EXTRA_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                             "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                             "ı": "i", "þ": "th", "ð": "d"})


def fold(word: str) -> str:
    """A word without diacritics ("Łódź" -> "Lodz", "São" -> "Sao"); "" when unchanged or
    not written in Latin letters."""
    if word.isascii():  # nothing to fold (most words: checked in C, before the slow path)
        return ""
    plain = unicodedata.normalize("NFKD", word.translate(_EXTRA_FOLD))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain if plain != word and plain.isascii() else ""


def search_terms(article) -> str:
    """Extra words for the search index of an article page: the byline's names (bylines are
    searchable) and every name or word with diacritics spelt without them, so that "Lodz"
    finds "Łódź". Printed in a hidden element inside the indexed region."""
    meta = getattr(article, "metadata", None) or {}
    byline = str(meta.get("byline") or "")
    text = " ".join(str(x) for x in (getattr(article, "title", ""), byline,
                                     meta.get("summary") or "",
                                     _TAG.sub(" ", str(getattr(article, "_content", "") or ""))))
    folded: dict[str, str] = {}
    words = () if text.isascii() else _WORDS.findall(text)
    for word in dict.fromkeys(words):  # each word once, in order
        plain = fold(word)
        if plain:
            folded.setdefault(plain.casefold(), plain)
    parts = [f"By {byline}." if byline else ""]
    if folded:
        parts.append("Without accents: " + ", ".join(folded.values()) + ".")
    return " ".join(p for p in parts if p)

"""Saved pages that trafilatura finds no article in: truncated pages and pages of repeats.

trafilatura returns nothing for an article shorter than its minimum size, which is what a
page cut off after its first paragraph or two looks like; such a page is published with the
paragraphs it holds and a warning.  A page whose text is one paragraph repeated is published
once with the repeats collapsed, or skipped with a reason that says so.
"""

from __future__ import annotations

import re

from ..errors import UnreadableInput
from .classify import is_boilerplate
from .repeats import collapse_warning, dominant_repeat, skip_reason

TRUNCATED_WARNING = "page is truncated (it ends before </html>); published the text it holds"
TAIL_CHARS = 2048  # a complete page closes </body> or </html> within its last characters
MIN_CHARS, MIN_WORDS = 80, 12  # a real paragraph of article text
LONG_CHARS = 200  # a paragraph this long counts even if cut before its first full stop
_SKIP = frozenset("nav header footer aside form figure figcaption script style noscript "
                  "button select label".split())
_SENTENCE = re.compile(r"\w[.!?。！？…](?:[\"'”’»)]*)(?:\s|$)")
_WORD = re.compile(r"\w+")


def is_truncated(html: str) -> bool:
    """True when the page stops before closing its body and html elements."""
    tail = html[-TAIL_CHARS:].lower()
    return "</html" not in tail and "</body" not in tail


def paragraph_texts(tree) -> list[str]:
    """Texts of the page's ``<p>`` elements outside navigation, headers, footers and forms."""
    out = []
    for p in tree.iter("p"):
        if any(isinstance(a.tag, str) and a.tag in _SKIP for a in p.iterancestors()):
            continue
        text = " ".join(p.text_content().split())
        if text:
            out.append(text)
    return out


def is_real_paragraph(text: str) -> bool:
    """Article prose: long enough, with a sentence in it (or long), not page chrome."""
    if len(text) < MIN_CHARS or len(_WORD.findall(text)) < MIN_WORDS:
        return False
    if not (_SENTENCE.search(text) or len(text) >= LONG_CHARS):
        return False
    return not is_boilerplate(text)


def fallback_paragraphs(tree, html: str) -> tuple[list[str], list[str]]:
    """(paragraphs, warnings) of a page the extractor found no article in.

    Raises UnreadableInput (with the reason) when the page holds no article paragraph.
    """
    texts = paragraph_texts(tree)
    repeated, n = dominant_repeat(texts)
    if n:
        if is_real_paragraph(repeated):
            return [repeated], [collapse_warning(n)]
        raise UnreadableInput(skip_reason(n))
    if not is_truncated(html):
        raise UnreadableInput("no article text found")
    paragraphs = []
    for text in texts:
        if is_real_paragraph(text) and text not in paragraphs:
            paragraphs.append(text)
    if not paragraphs:
        raise UnreadableInput("no article text found (the page is truncated before any "
                              "article paragraph)")
    return paragraphs, [TRUNCATED_WARNING]

"""Lines that stand where a headline stands but are never one: rule lines and other runs of
symbols, bare URLs and site labels, photo credits and the captions that carry one, date
stamps and glued caption labels, rows of share buttons, breadcrumbs, staff credits and the
site's notices to the reader. The vocabulary is in ``data/not_headline.tsv``."""

from __future__ import annotations

import re

from .resources import pattern_groups

MIN_LETTER_SHARE = 0.5  # a headline is mostly letters: rule lines and counters are not
CREDIT_MAX_WORDS = 8  # a credit line is a few names and a job title
# a bare URL, perhaps broken once by the converter's line wrapping
_URL = re.compile(r"^(?:https?://|www\.)\S+(?:\s\S+)?$", re.IGNORECASE)
# a photo credit: a name, a slash and an agency in capitals ("Jane Roe/EXAMPLEPHOTO")
_PHOTO_CREDIT = re.compile(r"^[A-Z][\w.'’ -]{2,40}/\s?[A-Z][A-Z0-9&. -]{1,30}$")
_WORD = re.compile(r"[^\s|•·/,>»›]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")  # a URL slug, not words
_DOMAIN = re.compile(r"(?:^|\s)(?:https?://|www\.)\S+", re.IGNORECASE)
DOMAIN_LINE_WORDS = 5  # a line this short that names a web address is a site label
_NAME_BEFORE_COMMA = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+\s*,")


def _letter_share(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in chars) / len(chars) if chars else 0.0


def _is_share_row(words: list[str]) -> bool:
    share = pattern_groups("not_headline.tsv")["share"]
    return len(words) >= 2 and all(share.fullmatch(w) for w in words)


def is_staff_credit(text: str) -> bool:
    """"Jane Roe, AP National Security Writer", "Jane Roe, news reporter", "Example
    Magazine Editorial Staff": names (or a masthead) and a newsroom job title."""
    words = text.split()
    if not 2 <= len(words) <= CREDIT_MAX_WORDS:
        return False
    if _NAME_BEFORE_COMMA.match(text):
        role = text.split(",", 1)[1].split()
        role_word = pattern_groups("not_headline.tsv")["role"]
        return 1 <= len(role) <= 4 and bool(role_word.fullmatch(role[-1]))
    if not all(w[:1].isupper() for w in words):
        return False
    return bool(pattern_groups("not_headline.tsv")["credit"].search(text))


def _is_breadcrumb(words: list[str]) -> bool:
    section = pattern_groups("not_headline.tsv")["section"]
    return (len(words) >= 2 and words[0].casefold() == "home"
            and all(section.fullmatch(w) for w in words))


def _is_site_label(text: str) -> bool:
    words = text.split()
    return (all(_SLUG.fullmatch(w) for w in words)
            or (len(words) <= DOMAIN_LINE_WORDS and bool(_DOMAIN.search(text))))


def never_headline(text: str) -> bool:
    """True when `text` cannot be an article's headline whatever its position."""
    text = text.strip()
    if _letter_share(text) < MIN_LETTER_SHARE or _URL.match(text) or _PHOTO_CREDIT.match(text):
        return True
    groups = pattern_groups("not_headline.tsv")
    if (groups["stamp"].match(text) or groups["notice"].search(text)
            or groups["picture"].search(text)):
        return True
    words = _WORD.findall(text)  # words between separators, for share rows and breadcrumbs
    return (_is_share_row(words) or is_staff_credit(text) or _is_breadcrumb(words)
            or _is_site_label(text))

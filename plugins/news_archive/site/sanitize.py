"""Sanitise article HTML (body and summary) after Markdown rendering, with nh3.

Hooked on `content_object_init`: every Article/Page is cleaned once, when Pelican builds it, so
templates may print `content`/`summary` with `|safe` (and nothing else).

Most HTML is already clean (posts written by ingest are), and nh3 returns it unchanged. The
digests of such HTML are kept between builds in `CACHE_PATH/news_archive_clean_html.json`, for
this sanitizer (nh3's version and this module's code); HTML whose digest is listed is known
clean and is not parsed again. Anything else, or any HTML when the file is absent, damaged
(set aside with a warning) or from other code, goes through nh3.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

import nh3
from pelican import signals
from safe_state import atomic_write_text, read_json_state

log = logging.getLogger("news_archive.sanitize")
MEMO_NAME = "news_archive_clean_html.json"
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16] + "|" + str(
    getattr(nh3, "__version__", ""))

ALLOWED_TAGS = {
    "p", "a", "em", "strong", "b", "i", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "img", "table", "thead", "tbody",
    "tfoot", "tr", "th", "td", "caption", "code", "pre", "br", "hr", "sup", "sub",
}
# Removed together with everything inside them (not just unwrapped).
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript",
                     "svg", "math", "textarea", "select"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    # Footnote and heading anchors (Markdown's footnotes and toc extensions).
    "sup": {"id"}, "li": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto"}
IMG_SCHEMES = {"http", "https", ""}  # "": the site's own files ({static}/..., relative paths)


def _filter_attribute(tag: str, attr: str, value: str) -> str | None:
    """Images: http(s) or the site's own files only (no data:, javascript: ...)."""
    if tag == "img" and attr == "src":
        scheme = urlsplit(value.strip()).scheme.lower()
        return value if scheme in IMG_SCHEMES else None
    return value


def clean_html(html: str) -> str:
    """Article-safe subset of `html`: no scripts, handlers, frames or non-http(s) URLs."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def _html_digest(html: str) -> str:
    return hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class CleanMemo:
    """Digests of HTML that nh3 returned unchanged, kept from one build to the next."""

    def __init__(self, cache_dir: str | Path | None) -> None:
        self.path = Path(cache_dir) / MEMO_NAME if cache_dir else None
        self.known: frozenset[str] = frozenset()
        self.used: set[str] = set()
        self.parsed = 0
        data = read_json_state(self.path, _valid_memo, "clean-HTML memo") if self.path else None
        if data is not None and data.get("code") == _CODE:
            self.known = frozenset(data["clean"])

    def clean(self, html: str) -> str:
        """`clean_html(html)`, without parsing HTML known to be clean already."""
        if not html:
            return html
        key = _html_digest(html)
        if key in self.known:
            self.used.add(key)
            return html
        self.parsed += 1
        out = clean_html(html)
        if out == html:
            self.used.add(key)
        return out

    def save(self) -> None:
        if self.path is None or (not self.parsed and len(self.used) == len(self.known)):
            return
        try:
            atomic_write_text(self.path, json.dumps({"code": _CODE, "clean": sorted(self.used)}),
                              durable=False)
        except OSError as exc:
            log.warning("clean-HTML memo %s not saved: %s", self.path, exc)


def _valid_memo(data) -> str | None:
    if not (isinstance(data, dict) and isinstance(data.get("clean"), list)
            and all(isinstance(v, str) for v in data["clean"])):
        return "not a clean-HTML memo"
    return None


_memo: list[CleanMemo] = []  # the build's memo (one build at a time per process)


def _build_memo(settings: dict) -> CleanMemo:
    if not _memo:
        _memo.append(CleanMemo(settings.get("CACHE_PATH")))
    return _memo[0]


def sanitize_content(content) -> None:
    """`content_object_init` receiver: replace `_content` and the summary by clean HTML."""
    settings = getattr(content, "settings", None) or {}
    clean = _build_memo(settings).clean if settings else clean_html
    if getattr(content, "_content", None):
        content._content = clean(content._content)
    metadata = getattr(content, "metadata", None)
    if metadata is not None and metadata.get("summary"):
        metadata["summary"] = clean(str(metadata["summary"]))
        content._summary = metadata["summary"]


def save_memo(*_args) -> None:
    """`finalized`: keep the digests of the clean HTML this build saw, for the next one."""
    if _memo:
        _memo.pop().save()


def reset_memo(*_args) -> None:
    """`initialized`: a new build starts with the memo on disk (a long-lived process too)."""
    _memo.clear()


def register() -> None:
    signals.initialized.connect(reset_memo)
    signals.content_object_init.connect(sanitize_content)
    signals.finalized.connect(save_memo)

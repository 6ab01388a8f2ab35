"""Sanitise article HTML (body and summary) after Markdown rendering, with nh3.

Hooked on `content_object_init`: every Article/Page is cleaned once, when Pelican builds it, so
templates may print `content`/`summary` with `|safe` (and nothing else).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3
from pelican import signals

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


def sanitize_content(content) -> None:
    """`content_object_init` receiver: replace `_content` and the summary by clean HTML."""
    if getattr(content, "_content", None):
        content._content = clean_html(content._content)
    metadata = getattr(content, "metadata", None)
    if metadata is not None and metadata.get("summary"):
        metadata["summary"] = clean_html(str(metadata["summary"]))
        content._summary = metadata["summary"]


def register() -> None:
    signals.content_object_init.connect(sanitize_content)

"""A saved page's metadata (headline, author, date, outlet, URL, description) as trafilatura
reads it, without the parts the news archive does not use.

trafilatura's ``extract_metadata`` also collects a page's categories, tags and license
(several XPath searches over the whole page) and always resolves the URL's host name
against the public-suffix list (loaded on first use).  `page_metadata` runs the same steps
for the fields `extract_html_page` reads and looks the host name up only when the page names
no site (the host name is then the outlet).  With a trafilatura whose metadata helpers are
not where this module expects them, it falls back to ``extract_metadata``.
"""

from __future__ import annotations

from typing import Any


def page_metadata(tree, url: str | None, date_params: dict[str, Any]):
    """A trafilatura ``Document`` with the page's title, author, url, date, sitename,
    description (and hostname when there is no sitename) filled in."""
    from trafilatura import metadata as tm

    steps = ("examine_meta", "extract_meta_json", "extract_title", "extract_author",
             "extract_url", "extract_sitename", "extract_domain", "find_date", "META_URL")
    if not all(hasattr(tm, name) for name in steps):  # another trafilatura layout
        return tm.extract_metadata(tree, url, date_params)

    date_config = dict(date_params)
    doc = tm.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    try:
        doc = tm.extract_meta_json(tree, doc)
    except Exception:  # noqa: BLE001 - as trafilatura: a bad JSON-LD block is ignored
        pass
    if not doc.title:
        doc.title = tm.extract_title(tree)
    if not doc.author:
        doc.author = tm.extract_author(tree)
    if not doc.url:
        doc.url = tm.extract_url(tree, url)
    date_config["url"] = doc.url
    doc.date = tm.find_date(tree, **date_config)
    if not doc.sitename:
        doc.sitename = tm.extract_sitename(tree)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url:
        m = tm.META_URL.match(doc.url)
        if m:
            doc.sitename = m[1]
    if doc.url and not doc.sitename:  # only then is the host name read (as the outlet)
        doc.hostname = tm.extract_domain(doc.url, fast=True)
    doc.filedate = date_config.get("max_date")
    doc.clean_and_trim()
    return doc

"""Feeds that work in readers: real authors, and one clear word about SITEURL.

- `article_generator_finalized`: each article's `author` (what Pelican's Atom writer puts in
  `<author>`) is its byline, else its outlet, else the site's `AUTHOR`; bylines are authors,
  never person pages.
- `initialized`: a feed reader needs absolute links (and Pelican's entry ids are built from
  them). Without `SITEURL` the build says once what to set: `make site SITEURL=...` or
  `SITEURL` in pelican.conf.py.
"""

from __future__ import annotations

import logging

from pelican import signals

from ..tagging.authors import author_names

log = logging.getLogger("news_archive.feeds")

SITEURL_HINT = (
    "feeds: SITEURL is not set, so feed entries have relative links and ids that feed "
    "readers cannot resolve; build with `make site SITEURL=https://example.org/archive` "
    "(or set SITEURL in pelican.conf.py) before publishing the site"
)


def check_siteurl(pelican) -> None:
    """Say once what to set when feeds are written without an absolute SITEURL."""
    s = pelican.settings
    feeds = any(s.get(k) for k in ("FEED_ALL_ATOM", "FEED_ATOM", "FEED_ALL_RSS", "FEED_RSS"))
    siteurl = str(s.get("FEED_DOMAIN") or s.get("SITEURL") or "")
    if feeds and not siteurl.startswith(("http://", "https://")):
        log.warning(SITEURL_HINT)


def article_author(article, default: str) -> str:
    """Who wrote the article, for feeds: the byline's names, else the outlet."""
    meta = getattr(article, "metadata", {}) or {}
    names = author_names(str(meta.get("byline") or ""))
    if names:
        return ", ".join(names)
    return str(meta.get("source") or "") or default


def set_authors(generator) -> None:
    """Give every article its real author (byline or outlet) before feeds are written."""
    from pelican.urlwrappers import Author

    settings = generator.settings
    default = str(settings.get("AUTHOR") or settings.get("SITENAME") or "")
    for article in [*generator.articles, *getattr(generator, "translations", [])]:
        name = article_author(article, default)
        if name and str(getattr(article, "author", "")) != name:
            author = Author(name, settings)
            article.author, article.authors = author, [author]


def register() -> None:
    signals.initialized.connect(check_siteurl)
    signals.article_generator_finalized.connect(set_authors)

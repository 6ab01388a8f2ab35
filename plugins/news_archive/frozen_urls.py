"""Compute each article's URL and summary once per build, not on every template access.

Pelican formats `url` and `save_as` from the settings and the metadata every time a template
reads them (a profile of a 5,000-article build spent 13 % of its time there). Once the
articles generator has finished, an article's URL can no longer change, so it is stored in
Pelican's own `override_url` / `override_save_as` attributes, which `get_url_setting` returns
first. The values are the ones Pelican computed; only the repeated work goes away.

The summary is kept as `news_summary` (the theme's article lists read it), except where it
holds intra-site links (`{filename}...`), which Pelican resolves relative to each page.
"""

from __future__ import annotations

import re

from pelican import signals

_INTRASITE = re.compile(r"[{|](?:filename|static|attach|tag|category|author|index)[}|]")


def freeze(generator) -> None:
    """Pin url/save_as of every article, translation and draft the generator holds."""
    groups = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles",
              "hidden_translations")
    for name in groups:
        for content in getattr(generator, name, None) or ():
            content.override_url = content.url
            content.override_save_as = content.save_as
            source = content.metadata.get("summary") or content._content or ""
            if not _INTRASITE.search(source):
                content.news_summary = content.summary


def register() -> None:
    signals.article_generator_finalized.connect(freeze)

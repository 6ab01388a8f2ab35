"""Compute each article's URL and summary once per build, not on every template access.

Pelican formats `url` and `save_as` from the settings and the metadata every time a template
reads them (a profile of a 5,000-article build spent 13 % of its time there). Once the
articles generator has finished, an article's URL can no longer change, so it is stored in
Pelican's own `override_url` / `override_save_as` attributes, which `get_url_setting` returns
first. The values are the ones Pelican computed; only the repeated work goes away.

The summary is kept as `frozen_summary` (the theme's article lists read it), except where it
holds intra-site links (`{filename}...`), which Pelican resolves relative to each page. A post
without a `Summary:` gets Pelican's summary (its body cut to `SUMMARY_MAX_LENGTH` words), which
costs an HTML parse per post and build; those are remembered between builds in
`CACHE_PATH/fast_rebuilds_summaries.json`, by a hash of the post's HTML and the summary settings.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import pelican
from pelican import signals
from safe_state import atomic_write_text, read_json_state

from .fingerprint import INTRASITE_LINK

log = logging.getLogger("fast_rebuilds")


class SummaryMemo:
    """Pelican's summaries of posts, by a hash of their HTML, kept from one build to the next."""

    def __init__(self, settings: dict) -> None:
        keys = ("SUMMARY_MAX_LENGTH", "SUMMARY_END_SUFFIX", "SUMMARY_MAX_PARAGRAPHS")
        self.key = json.dumps([pelican.__version__, *(settings.get(k) for k in keys)])
        self.path = Path(settings.get("CACHE_PATH") or "cache") / "fast_rebuilds_summaries.json"
        self.enabled = bool(settings.get("CACHE_CONTENT"))
        self.old: dict[str, str] = {}
        self.new: dict[str, str] = {}
        if self.enabled and settings.get("LOAD_CONTENT_CACHE"):
            data = read_json_state(self.path, _not_summaries, "summary cache")
            if data is not None and data.get("key") == self.key:
                self.old = data["summaries"]

    def summary(self, content) -> str:
        """The summary Pelican gives `content` (computed only when not remembered)."""
        if "summary" in content.metadata or not self.enabled:
            return content.summary
        h = hashlib.blake2b((content._content or "").encode("utf-8", "surrogatepass"),
                            digest_size=16).hexdigest()
        hit = self.old.get(h)
        self.new[h] = content.summary if hit is None else hit
        return self.new[h]

    def save(self) -> None:
        """Keep the summaries of this build's posts (when they differ from what was loaded)."""
        if not self.enabled or self.new == self.old:
            return
        try:
            atomic_write_text(self.path, json.dumps({"key": self.key, "summaries": self.new}))
        except OSError as exc:
            log.warning("fast_rebuilds: could not save the summary cache %s: %s", self.path, exc)


def _not_summaries(data) -> str | None:
    """Why `data` is not a summary cache (None when it is one)."""
    if not isinstance(data, dict) or not isinstance(data.get("summaries"), dict):
        return "expected an object with 'key' and 'summaries'"
    if not all(isinstance(v, str) for v in data["summaries"].values()):
        return "a summary that is not text"
    return None


def freeze(generator) -> None:
    """Pin url/save_as of every article, translation and draft the generator holds."""
    groups = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles",
              "hidden_translations")
    memo = SummaryMemo(generator.settings)
    for name in groups:
        for content in getattr(generator, name, None) or ():
            content.override_url = content.url
            content.override_save_as = content.save_as
            source = content.metadata.get("summary") or content._content or ""
            if not INTRASITE_LINK.search(source):
                content.frozen_summary = memo.summary(content)
    memo.save()


def register() -> None:
    signals.article_generator_finalized.connect(freeze)

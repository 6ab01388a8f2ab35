"""Feeds in the incremental writer: a feed is written again only when its items changed."""

from __future__ import annotations

import os

from pelican.utils import sanitised_join


class FeedSkipping:
    """Mixin for `IncrementalWriter`: `write_feed` skipped when the feed's items and parameters
    are unchanged; every Atom feed gets its own id."""

    def _create_new_feed(self, feed_type, feed_title, context):
        """Pelican gives every feed the site's URL as its id; Atom wants one id per feed."""
        feed = super()._create_new_feed(feed_type, feed_title, context)
        if self.feed_url:
            feed.feed["id"] = self.feed_url
        return feed

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False, feed_title=None):
        """Pelican's write_feed, skipped when the feed's items and parameters are unchanged."""
        if not path or (sanitised_join(self.output_path, path) in self._overridden_files
                        and not override_output):
            return super().write_feed(elements, context, path, url, feed_type,
                                      override_output, feed_title)
        full = sanitised_join(self.output_path, path)
        values = {
            "items": list(elements[: self.settings["FEED_MAX_ITEMS"]]),
            "params": [url, feed_type, override_output, feed_title],
            "site": [context.get(k) for k in ("SITEURL", "FEED_DOMAIN", "SITENAME",
                                               "SITESUBTITLE")],
        }
        self._shared = None
        if self._unchanged(path, full, "feed", values):
            if self._claim(full, override_output):
                self.current[path] = self.previous[path]
                self.stats["feeds_skipped"] += 1
            return None
        feed = super().write_feed(elements, context, path, url, feed_type, override_output,
                                  feed_title)
        if os.path.exists(full):
            self._remember(path, full, "feed", set(values), values)
            self.stats["feeds_written"] += 1
            self.rendered_by_template["feed: " + _section(path)] += 1
        return feed


def _section(name: str) -> str:
    """First folder of an output path ("country", "feeds"), for the build report."""
    head, sep, _ = name.replace(os.sep, "/").partition("/")
    return head if sep else "(top)"

"""Published URLs are permanent: a renamed or moved raw file keeps its article's slug.

When a raw file has no post of its own, its article may be one whose raw file vanished in the
same run (renamed or moved): the vanished file's post is adopted when it came from the same
bytes (raw sha256) or, for a file also edited, when the vanished file's near-duplicate sketch
(kept in the ingest state) matches the new one. The adopted post keeps its slug; only its
`Raw-Path` changes. Hand-edited posts are never adopted (they stay as they are).
"""

from __future__ import annotations

import logging

from .. import posts
from ..draft import Draft
from .dedup import NearDuplicateIndex
from .scan import ExistingPost

log = logging.getLogger("news_archive")


class Renames:
    """Posts whose raw file vanished, ready to be adopted by the file's new path."""

    def __init__(self, existing: list[ExistingPost], present: set[str], state: dict[str, dict]):
        self.by_sha: dict[tuple[str, str], ExistingPost] = {}
        self.by_raw: dict[str, ExistingPost] = {}
        self.index = NearDuplicateIndex()
        self.adopted: set[str] = set()  # post file names taken over by a new raw path
        for post in existing:
            raw, _, part = post.raw_key.partition("#")
            if not raw or raw in present or not post.is_generated:
                continue
            sha = post.meta.get("raw-sha256", "")
            if sha:
                self.by_sha.setdefault((sha, part), post)
            if not part:
                self.by_raw[raw] = post
                self.index.add(raw, (state.get(raw) or {}).get("sketch") or [])

    def __bool__(self) -> bool:
        return bool(self.by_sha or self.by_raw)

    def adopt(self, draft: Draft) -> ExistingPost | None:
        """The vanished file's post this draft's article continues, if any (then adopted)."""
        part = str(draft.index) if draft.index else ""
        post = self.by_sha.get((draft.sha256, part))
        if post is None and not part and draft.sketch:
            try:
                match = self.index.find(draft.sketch)
            except ValueError:  # a sketch of another length (an older state)
                match = None
            post = self.by_raw.get(match) if match else None
        if post is None or post.path.name in self.adopted or not post.path.exists():
            return None
        if posts.is_hand_edited(post.path):
            return None
        self.adopted.add(post.path.name)
        log.info("%s: continues %s (raw file %s renamed or moved); slug kept",
                 draft.path, post.path.name, post.raw_key)
        return post

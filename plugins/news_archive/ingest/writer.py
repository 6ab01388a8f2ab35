"""Posts written from drafts: slug and date chosen, never over a hand edit, only on change."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify
from safe_state import atomic_write_text

from .. import posts
from ..draft import Draft
from ..extract.relative_date import find_relative_time
from ..tagging import register as entity_register
from .duplicates import Copies
from .edit_notices import warn_once
from .renames import Renames
from .report import Report, limited
from .scan import ExistingPost

log = logging.getLogger("news_archive")

SLUG_MAX = 80


def headline_slug(title: str, settings: dict | None = None) -> str:
    """Slug of a headline through Pelican's `slugify` and the site's slug settings
    (transliterated to ASCII unless `SLUGIFY_USE_UNICODE`), cut at a word boundary."""
    s = settings or DEFAULT_CONFIG
    slug = slugify(title, regex_subs=s.get("SLUG_REGEX_SUBSTITUTIONS",
                                            DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]),
                   preserve_case=False, use_unicode=s.get("SLUGIFY_USE_UNICODE", False))
    slug = slug.strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug


def choose_date(draft: Draft, raw_file: Path) -> tuple[str, str]:
    """(ISO date, where it came from): the raw file or its manifest row, else the file's mtime."""
    e = draft.extracted
    if e.published:
        return e.published, e.published_source or "raw"
    try:
        mtime = raw_file.stat().st_mtime
    except OSError:
        mtime = 0.0
    ago = find_relative_time([e.published_ago]) if e.published_ago else None
    if ago is not None and mtime:  # "Published 3 hours ago": counted back from the save
        when = datetime.fromtimestamp(mtime - ago.seconds, tz=timezone.utc)
        return when.strftime("%Y-%m-%d %H:%M"), "file-mtime-relative"
    when = datetime.fromtimestamp(mtime, tz=timezone.utc).strftime("%Y-%m-%d %H:%M")
    return when, "file-mtime"


class KnownPosts:
    """The posts folder as ingest sees it: posts by raw file, and the slugs taken."""

    def __init__(self, existing: list[ExistingPost]) -> None:
        self.existing = existing
        self.by_raw: dict[str, list[ExistingPost]] = {}
        for post in existing:
            if post.raw_key:
                self.by_raw.setdefault(post.raw_key.split("#", 1)[0], []).append(post)
        self.taken = {p.meta.get("slug", p.path.stem): p for p in existing}

    def of(self, rel: str) -> list[ExistingPost]:
        return self.by_raw.get(rel, [])

    def listed_alternates(self, rel: str) -> list[str]:
        """The alternates the raw file's post lists now."""
        posts_of = self.of(rel)
        return posts.split_list(posts_of[0].meta.get("alternates", "")) if posts_of else []

    def is_current(self, rel: str, sha: str, alternates: list[str], manifest_digest: str) -> bool:
        """True when the raw file's post(s) came from these exact bytes, copies and manifest
        row (a hand-edited post counts as current: it is never rewritten)."""
        posts_of_file = self.of(rel)
        if not posts_of_file:
            return False
        alt = posts.join_list(alternates)
        return all(
            not p.is_generated
            or (
                p.meta.get("raw-sha256") == sha
                and p.meta.get("pipeline-version") == posts.PIPELINE_VERSION
                and p.meta.get("alternates", "") == alt
                and p.meta.get("manifest-digest", "") == manifest_digest
            )
            for p in posts_of_file
        )


@dataclass
class _Written:
    """A post written in this run, kept until the end in case it gains a near-duplicate."""

    draft: Draft
    slug: str
    date: str
    date_source: str
    target: Path
    before: bytes | None  # digest of the file's text before this run (None: no file)


class PostWriter:
    """Writes posts as their drafts arrive, in raw-path order.

    A near-duplicate found later adds itself to an earlier file's `Alternates`, so `finish`
    rewrites those posts; it also puts the report's lists in raw-path order, as if every
    post had been written at the end with its final alternates.
    """

    def __init__(self, raw_dir: Path, posts_dir: Path, known: KnownPosts, copies: Copies,
                 report: Report, slug_settings: dict | None = None,
                 renames: Renames | None = None, given: dict[str, str] | None = None,
                 register: entity_register.Register | None = None) -> None:
        self.raw_dir, self.posts_dir = raw_dir, posts_dir
        # the entity register this run applies (the one ingest remembers having applied)
        self.register = register if register is not None else entity_register.register_for(
            raw_dir)
        self.known, self.copies, self.report = known, copies, report
        self.slug_settings = slug_settings
        self.renames = renames
        self.given = given if given is not None else {}  # slug -> raw sha256 it was given to
        self.written: dict[tuple[str, int], _Written] = {}
        self.changed: dict[tuple[str, int], str] = {}  # post file names, by (raw path, index)
        self.kept: dict[tuple[str, int], str] = {}  # hand-edited posts left alone

    def write(self, draft: Draft) -> None:
        """Write (or leave alone) the post of one draft."""
        draft.alternates = self.copies.alternates(draft.path)
        key = (draft.path, draft.index)
        raw_key = draft.path + (f"#{draft.index}" if draft.index else "")
        previous = next((p for p in self.known.of(draft.path) if p.raw_key == raw_key), None)
        if previous is None and self.renames:
            previous = self.renames.adopt(draft)
        if previous is not None and posts.is_hand_edited(previous.path):
            self.kept[key] = previous.path.name
            warn_once(self.posts_dir, previous.path, draft.sha256, log.warning,
                      "%s: raw file (sha256 %s…) or entity register changed but its post %s "
                      "was edited by hand; post left as it is", draft.path, draft.sha256[:12],
                      previous.path.name)
            return
        entity_register.apply_to_draft(draft, self.register)
        date, date_source = choose_date(draft, self.raw_dir / draft.path)
        if date_source == "file-mtime":
            self.report.undated.append(draft.path)
            why = next((w for w in draft.extracted.warnings if w.startswith("no date found")),
                       "no date found")
            log.warning("%s: %s (%s)", draft.path, why, date,
                        extra=limited("files without a date"))
        for warning in draft.extracted.warnings:
            self.report.warnings.append((raw_key, warning))
            log.info("%s: %s", raw_key, warning)
        slug = previous.meta.get("slug") if previous else None
        if not slug:
            slug = self._new_slug(draft)
        target = self.posts_dir / f"{slug}.md"
        if previous is not None and previous.path != target:
            previous.path.unlink(missing_ok=True)
        self.known.taken[slug] = ExistingPost(target, {"slug": slug})
        self.given[slug] = draft.sha256
        old = _read_post(target)
        done = _Written(draft, slug, date, date_source, target, _digest(old))
        self.written[key] = done
        self._put(key, done, old)

    def _new_slug(self, draft: Draft) -> str:
        slug = headline_slug(draft.extracted.title, self.slug_settings)
        slug = slug or f"article-{draft.sha256[:8]}"
        # A slug once given (to an article since deleted) is not given to another article.
        if slug in self.known.taken or self.given.get(slug, draft.sha256) != draft.sha256:
            slug = f"{slug}-{draft.sha256[:8]}" + (f"-{draft.index}" if draft.index else "")
        return slug

    def finish(self) -> None:
        """Rewrite posts that gained near-duplicates; order the report by raw path."""
        gained = set(self.copies.near_of.values())
        for key, done in self.written.items():
            if key[0] not in gained:
                continue
            alternates = self.copies.alternates(key[0])
            if alternates != done.draft.alternates:
                done.draft.alternates = alternates
                self._put(key, done, _read_post(done.target))
        self.report.posts_written += [self.changed[k] for k in sorted(self.changed)]
        self.report.kept_edits += [self.kept[k] for k in sorted(self.kept)]

    def _put(self, key: tuple[str, int], done: _Written, old: str | None) -> None:
        """Render the post and write it if its text changed; note it if it differs from
        what was there before this run."""
        text = entity_register.stamp_draft_post(
            posts.render_post(done.draft, done.slug, done.date, done.date_source),
            done.draft, self.register)
        if old != text:  # a kill or a full disk leaves the old post or the new one
            atomic_write_text(done.target, text, durable=False)  # no fsync: 1 per post is slow
        if done.before is None or _digest(text) != done.before:
            self.changed[key] = done.target.name
        else:
            self.changed.pop(key, None)


def remove_orphans(existing: list[ExistingPost], live: set[str], report: Report,
                   adopted: set[str] = frozenset()) -> None:
    """Remove generated, unedited posts whose raw file is gone (or is now a duplicate);
    `adopted`: post file names a renamed raw file took over."""
    for post in existing:
        raw = post.raw_key.split("#", 1)[0]
        if not raw or not post.is_generated or raw in live or not post.path.exists():
            continue
        if post.path.name in adopted:
            continue
        if posts.is_hand_edited(post.path):
            warn_once(post.path.parent, post.path, "gone", log.warning,
                      "%s: raw file %s is gone; hand-edited post kept", post.path.name, raw)
            report.kept_edits.append(post.path.name)
            continue
        post.path.unlink()
        report.removed.append(post.path.name)


def _read_post(path: Path) -> str | None:
    """A post's text (None when there is no such file)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None


def _digest(text: str | None) -> bytes | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()

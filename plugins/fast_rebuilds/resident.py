"""Resident builds: what one build read is kept for the next build in the same process.

`pelican --autoreload` (`make serve`) keeps one Pelican instance and calls its `run()` for
every change; a plain Pelican build still reads every post and compiles every template each
time. This module keeps, for the life of the process:

- the article (or page) object of every post, keyed by the post's path and stat (size,
  modification and change times, inode) and by the settings object of the build, so a rebuild
  reads and parses only the posts that changed. A post whose text or summary links to other
  contents (`{filename}...`) is read again every time: those links resolve against the build.
  Reused objects skip Pelican's `article_generator_preread`/`_context` signals, which ran when
  they were first read; everything later (`content_object_init` excepted) runs as usual, and
  this plugin recomputes every attribute it sets on them each build;
- the compiled templates (`template_cache.py`, which also keeps them on disk).

A one-shot `pelican content` gains nothing and loses nothing: the process ends after the build.
A build with another settings object (the settings file changed) forgets what was kept.
"""

from __future__ import annotations

import os
from typing import Any

from pelican import signals
from pelican.readers import Readers

from .file_stamps import stat_key
from .fingerprint import INTRASITE_LINK

_original_read_file = Readers.read_file
_contents: dict[tuple, Any] = {}  # (path, class, stat) -> content object
_read_this_build: set[tuple] = set()
_settings_of_contents: list[dict] = []  # the settings object the kept contents were read with


def _reusable(content: Any) -> bool:
    source = (getattr(content, "_content", "") or "") + str(
        (getattr(content, "metadata", None) or {}).get("summary", ""))
    return not INTRASITE_LINK.search(source)


def read_file(self: Readers, base_path, path, content_class=None, fmt=None, context=None,
              **signal_kwargs):
    """`Readers.read_file`, returning the object read last time when the file is unchanged."""
    if content_class is None:
        return _original_read_file(self, base_path, path, fmt=fmt, context=context,
                                   **signal_kwargs)
    if not _settings_of_contents or _settings_of_contents[0] is not self.settings:
        _contents.clear()
        _settings_of_contents[:] = [self.settings]
    stamp = stat_key(os.path.join(base_path, path))
    key = (stamp, content_class, fmt)
    kept = _contents.get(key) if stamp else None
    if kept is not None:
        kept._context = context  # Pelican resolves URLs against the current build
        _read_this_build.add(key)
        return kept
    content = _original_read_file(self, base_path, path, content_class=content_class, fmt=fmt,
                                  context=context, **signal_kwargs)
    if stamp and _reusable(content) and stat_key(stamp[0]) == stamp:
        _contents[key] = content
        _read_this_build.add(key)
    return content


def forget_unread(_generators=None) -> None:
    """`all_generators_finalized`: keep only the contents this build read (an edited post's
    old version, a deleted post, are let go)."""
    for key in [k for k in _contents if k not in _read_this_build]:
        del _contents[key]
    _read_this_build.clear()


def install() -> None:
    Readers.read_file = read_file


def register() -> None:
    install()
    signals.all_generators_finalized.connect(forget_unread)

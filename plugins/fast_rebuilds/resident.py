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
- the compiled templates, by their source (Jinja's bytecode cache, in memory).

A one-shot `pelican content` gains nothing and loses nothing: the process ends after the build.
A build with another settings object (the settings file changed) forgets what was kept.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from pelican import signals
from pelican.readers import Readers

from .file_stamps import stat_key
from .fingerprint import INTRASITE_LINK, code_digest
from .incremental import FILTER_READS

_original_read_file = Readers.read_file
_contents: dict[tuple, Any] = {}  # (path, class, stat) -> content object
_read_this_build: set[tuple] = set()
_settings_of_contents: list[dict] = []  # the settings object the kept contents were read with
_bytecode: dict[tuple[str, str], bytes] = {}


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


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in memory, per environment configuration (see `environment_key`)."""

    def __init__(self) -> None:
        self._env_keys: dict[int, tuple[Any, str]] = {}

    def _key(self, bucket: Bucket) -> tuple[str, str]:
        env = bucket.environment
        hit = self._env_keys.get(id(env))
        if hit is None or hit[0] is not env:
            hit = self._env_keys[id(env)] = (env, environment_key(env))
        return hit[1], bucket.key

    def load_bytecode(self, bucket: Bucket) -> None:
        data = _bytecode.get(self._key(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored unless the source checksum matches

    def dump_bytecode(self, bucket: Bucket) -> None:
        _bytecode[self._key(bucket)] = bucket.bytecode_to_string()


def environment_key(env: Any) -> str:
    """What, besides a template's source, decides its compiled code."""
    # Constant expressions are folded at compile time, through the filters and tests.
    functions = [f"{kind}:{name}:{_function_key(f)}" for kind, table in
                 (("filter", env.filters), ("test", env.tests)) for name, f in table.items()]
    parts = [env.code_generator_class.__qualname__, repr(sorted(FILTER_READS)),
             repr(sorted(functions)), repr(env.is_async), repr(env.finalize is None),
             repr(env.autoescape), repr(env.optimized), env.block_start_string,
             env.block_end_string, env.variable_start_string, env.variable_end_string,
             env.comment_start_string, env.comment_end_string, repr(env.line_statement_prefix),
             repr(env.line_comment_prefix), repr(env.trim_blocks), repr(env.lstrip_blocks),
             repr(env.newline_sequence), repr(env.keep_trailing_newline),
             repr(sorted(type(e).__qualname__ for e in env.extensions.values()))]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _function_key(f: Any) -> str:
    code = getattr(f, "__code__", None)
    name = f"{getattr(f, '__module__', '')}.{getattr(f, '__qualname__', type(f).__qualname__)}"
    return f"{name}:{id(f)}:{code_digest(code) if code is not None else ''}"


def keep_templates(generator) -> None:
    """`generator_init`: this generator's compiled templates are kept in memory."""
    env = getattr(generator, "env", None)
    if env is not None and env.bytecode_cache is None:
        env.bytecode_cache = MemoryBytecodeCache()


def install() -> None:
    Readers.read_file = read_file


def register() -> None:
    install()
    signals.generator_init.connect(keep_templates)
    signals.all_generators_finalized.connect(forget_unread)

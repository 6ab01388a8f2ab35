"""Compiled templates kept between builds: in memory for the life of the process, and on disk.

Pelican compiles every template of the theme in every build (about 0.2 s for this project's
theme, in a rebuild that renders a few dozen pages). Jinja can keep compiled templates in a
bytecode cache, which it uses only while the template's source is the one compiled (a checksum
of the source is stored with the code). What else decides the compiled code is the
environment: the code generator (the incremental writer's tracking one), the syntax options,
the extensions, and the filters and tests, which Jinja calls at compile time to fold constant
expressions. `environment_key` sums these up; compiled templates are kept per key:

- in memory, for every build of the process (`pelican --autoreload` compiles a template once);
- on disk, in `CACHE_PATH/fast_rebuilds_templates/<key>/`, when every part of the key is stable
  across processes (functions by their code, the code generator's and extensions' modules by
  their source). An environment with a filter that has no stable description (a callable
  object that prints itself with its address) is not cached on disk.

`--ignore-cache` (`LOAD_CONTENT_CACHE = False`) compiles everything afresh. It is a cache: a
damaged file is set aside with a warning and the template compiled; a folder that cannot be
written is skipped.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import shutil
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from pelican import signals
from safe_state import atomic_write_bytes, set_aside

from .fingerprint import code_digest
from .incremental import FILTER_READS

log = logging.getLogger("fast_rebuilds")
FOLDER = "fast_rebuilds_templates"
KEEP_KEYS = 4  # key folders kept on disk (the newest): other environments, earlier code
_memory: dict[tuple[str, str], bytes] = {}  # (environment key, template key) -> bytecode


class KeptBytecodeCache(BytecodeCache):
    """Compiled templates per environment configuration, in memory and (when `folder` is
    given and the environment has a stable key) on disk."""

    def __init__(self, folder: Path | None = None, load: bool = True) -> None:
        self.folder = folder
        self.load = load
        self._env_keys: dict[int, tuple[Any, str, str | None]] = {}

    def _keys(self, env: Any) -> tuple[str, str | None]:
        hit = self._env_keys.get(id(env))
        if hit is None or hit[0] is not env:
            stable = environment_key(env, stable=True) if self.folder is not None else None
            hit = self._env_keys[id(env)] = (env, environment_key(env), stable)
        return hit[1], hit[2]

    def _file(self, stable: str | None, bucket: Bucket) -> Path | None:
        if stable is None or self.folder is None:
            return None
        return self.folder / stable[:32] / f"{bucket.key}.bc"

    def load_bytecode(self, bucket: Bucket) -> None:
        key, stable = self._keys(bucket.environment)
        data = _memory.get((key, bucket.key))
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored unless the source checksum matches
            return
        path = self._file(stable, bucket)
        if path is None or not self.load:
            return
        try:
            data = path.read_bytes()
        except OSError:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception as exc:  # noqa: BLE001 - any damage (pickle, marshal) means: compile
            bucket.reset()
            set_aside(path, f"{type(exc).__name__}: {exc}", "compiled template")
            return
        if bucket.code is not None:
            _memory[(key, bucket.key)] = data

    def dump_bytecode(self, bucket: Bucket) -> None:
        key, stable = self._keys(bucket.environment)
        data = bucket.bytecode_to_string()
        _memory[(key, bucket.key)] = data
        path = self._file(stable, bucket)
        if path is None:
            return
        try:
            fresh = not path.parent.is_dir()
            atomic_write_bytes(path, data, durable=False)
            if fresh:
                _prune(path.parent)
        except OSError as exc:
            log.debug("fast_rebuilds: compiled template not kept in %s: %s", path, exc)


def _prune(current: Path) -> None:
    """Keep the `KEEP_KEYS` newest key folders (the current one among them)."""
    try:
        folders = sorted((p for p in current.parent.iterdir() if p.is_dir() and p != current),
                         key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in folders[KEEP_KEYS - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def environment_key(env: Any, stable: bool = False) -> str | None:
    """What, besides a template's source, decides its compiled code. `stable`: the same in
    every process with the same code and settings (None when a filter or test has no such
    description); otherwise objects also count by identity."""
    functions = []
    for kind, table in (("filter", env.filters), ("test", env.tests)):
        for name, f in table.items():
            described = _function_key(f, stable)
            if described is None:
                return None
            functions.append(f"{kind}:{name}:{described}")
    parts = [env.code_generator_class.__qualname__, repr(sorted(FILTER_READS)),
             repr(sorted(functions)), repr(env.is_async), repr(env.finalize is None),
             repr(env.autoescape), repr(env.optimized), env.block_start_string,
             env.block_end_string, env.variable_start_string, env.variable_end_string,
             env.comment_start_string, env.comment_end_string, repr(env.line_statement_prefix),
             repr(env.line_comment_prefix), repr(env.trim_blocks), repr(env.lstrip_blocks),
             repr(env.newline_sequence), repr(env.keep_trailing_newline),
             repr(sorted(type(e).__qualname__ for e in env.extensions.values()))]
    if stable:
        if callable(env.autoescape) or (env.finalize is not None
                                        and _function_key(env.finalize, True) is None):
            return None
        parts += [sys.version, _version("jinja2"), _version("markupsafe"),
                  _module_digest(env.code_generator_class),
                  *(_module_digest(type(e)) for e in env.extensions.values())]
        if env.finalize is not None:
            parts.append(_function_key(env.finalize, True) or "")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _function_key(f: Any, stable: bool) -> str | None:
    """A filter or test: its name and code; an object by its class's code and its state."""
    name = f"{getattr(f, '__module__', '')}.{getattr(f, '__qualname__', type(f).__qualname__)}"
    code = getattr(f, "__code__", None)
    if isinstance(f, functools.partial):  # Pelican's `plugin_enabled` test
        inner = _function_key(f.func, stable)
        bound = f"{f.args!r}:{sorted(f.keywords.items())!r}"
        if inner is None or " at 0x" in bound:
            return None if stable else f"{name}:{id(f)}"
        described = f"partial:{inner}:{bound}"
    elif code is not None:
        described = f"{name}:{code_digest(code)}"
    elif type(f).__name__ in ("builtin_function_or_method", "method-wrapper", "type"):
        described = name
    else:  # a callable object (Pelican's `strftime` filter): its class's code and its state
        call_code = getattr(type(f).__call__, "__code__", None) if callable(f) else None
        if call_code is not None and hasattr(f, "__dict__"):
            state = f"{code_digest(call_code)}:{sorted(vars(f).items())!r}"
        else:  # implemented in C (functools.partial ...): its repr must say it all
            state = repr(f)
        if " at 0x" in state:
            return None if stable else f"{name}:{id(f)}"
        described = f"{name}:{state}"
    return described if stable else f"{described}:{id(f)}"


def _module_digest(cls: type) -> str:
    """Hash of the source file of the module that defines `cls` (its name if it has none)."""
    module = sys.modules.get(cls.__module__)
    file = getattr(module, "__file__", None)
    try:
        return hashlib.sha256(Path(file).read_bytes()).hexdigest() if file else cls.__module__
    except OSError:
        return cls.__module__


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def keep_templates(generator) -> None:
    """`generator_init`: this generator's compiled templates are kept (see the docstring)."""
    env = getattr(generator, "env", None)
    if env is None or env.bytecode_cache is not None:
        return
    settings = generator.settings
    cache_path = settings.get("CACHE_PATH")
    folder = Path(cache_path) / FOLDER if cache_path else None
    env.bytecode_cache = KeptBytecodeCache(folder, load=bool(settings.get("LOAD_CONTENT_CACHE",
                                                                          True)))


def register() -> None:
    signals.generator_init.connect(keep_templates)

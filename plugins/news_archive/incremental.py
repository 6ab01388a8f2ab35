"""Incremental rendering: re-render only the output files whose inputs changed.

Pelican renders every page on every build. `IncrementalWriter` (returned from the `get_writer`
signal) records, for every output file it renders, which template variables the render used
(templates are compiled so that each use of a variable is noted, in extended, included and
imported templates too: `TrackingCodeGenerator`) and a fingerprint of their values
(`fingerprint.py`), plus one build-wide fingerprint of the settings, theme files, plugin files
and library versions. On the next build it recomputes the fingerprint of the same variables
*before* rendering; when it matches and the output file is still the one it wrote (size and
mtime), the render and the write are skipped. A template can only print what it reads from
its variables, so the skipped file is what a full render would write. Feeds are handled the
same way (fingerprint of their items and parameters). When nothing at all changed since the
last build (same build fingerprint and the same name, size and mtime of every file under
`PATH`), the per-output fingerprints are not even computed: every output still on disk as it
was written is skipped.

When a build ends, the pages and feeds the previous build wrote and this one did not (a deleted
article's page) are removed, if they are still the files written then (`remove_stale`).

The state lives in `CACHE_PATH/news_archive_incremental-<output hash>.json`; it is removed when
a build starts and written when it ends, so an interrupted build is followed by a full one.
A full build is forced by `--ignore-cache` (`LOAD_CONTENT_CACHE = False`) or by
`NEWS_ARCHIVE_INCREMENTAL = False`; either way the state is recorded for the next build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import Environment, Undefined, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .fingerprint import Fingerprinter, digest
from .pagination import paginators as make_paginators

log = logging.getLogger("news_archive")

STATE_VERSION = 3
# Settings that change how a build runs, not what it writes.
NEUTRAL_SETTINGS = frozenset({
    "NEWS_ARCHIVE_INCREMENTAL", "LOAD_CONTENT_CACHE", "CACHE_CONTENT", "CHECK_MODIFIED_METHOD",
    "GZIP_CACHE", "CONTENT_CACHING_LAYER", "NEWS_ARCHIVE_WORKERS", "DELETE_OUTPUT_DIRECTORY",
    "WRITE_SELECTED", "DEBUG", "LOG_FILTER", "NEWS_ARCHIVE_GC_THRESHOLD",
})
MISSING = "<missing>"
# NEWS_ARCHIVE_EXPLAIN=1: log, for each output rendered again, which of its inputs changed.
EXPLAIN = bool(os.environ.get("NEWS_ARCHIVE_EXPLAIN"))
_ENV = Environment()  # Jinja's attribute and item lookup rules, for `lookup`
_recording: list[tuple[set[str], set[str]]] = []  # (used, tested) of renders in progress
_active: list[IncrementalWriter] = []


class TrackingCodeGenerator(CodeGenerator):
    """Compiles templates so that every use of a template variable is noted at run time.

    Jinja looks every name of a template up when a block starts, used or not; this generator
    wraps each *use* of a name (`{{ x }}`, `x|f`, `f(x)`, ...) in
    `environment.news_archive_used("x", x)`, and `x is defined` in
    `environment.news_archive_tested(...)`, which only notes that the name was tested. An
    attribute or item read straight off a name (`x.y`, `x["k"]`, `x[2]`) is noted as that path
    (`x.y`, `x["k"]`), so a page that shows `entity.name` does not depend on `entity.count`;
    a method (`x.f()`) or an unusual key notes the whole name. Names that are not template
    variables (loop variables, `set`) are noted too; they are absent from the context, which is
    harmless.
    """

    _defined_test: nodes.Name | None = None
    _declared: nodes.Name | None = None  # the argument of a filter that declared its reads
    _declared_filter = ""

    def visit_Test(self, node: nodes.Test, frame: Frame) -> None:
        if node.name in ("defined", "undefined") and isinstance(node.node, nodes.Name):
            self._defined_test = node.node
        try:
            super().visit_Test(node, frame)
        finally:
            self._defined_test = None

    def visit_Name(self, node: nodes.Name, frame: Frame) -> None:
        if node.ctx != "load":
            return super().visit_Name(node, frame)
        if node is self._declared:  # `x|f`, where f declared which attributes of x it reads
            self.write(f"environment.news_archive_reads({node.name!r}, "
                       f"{self._declared_filter!r}, ")
            super().visit_Name(node, frame)
            self.write(")")
            return None
        tested = node is self._defined_test
        func = "news_archive_tested" if tested else "news_archive_used"
        self.write(f"environment.{func}({node.name!r}, ")
        super().visit_Name(node, frame)
        self.write(")")

    @optimizeconst
    def visit_Filter(self, node: nodes.Filter, frame: Frame) -> None:
        if node.name not in FILTER_READS or not self._loads_name(node.node):
            return super().visit_Filter(node, frame)
        self._declared, self._declared_filter = node.node, node.name
        try:
            super().visit_Filter(node, frame)
        finally:
            self._declared = None

    def _loads_name(self, node: nodes.Node) -> bool:
        return (isinstance(node, nodes.Name) and node.ctx == "load"
                and node is not self._defined_test and not self.environment.is_async)

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        if not self._loads_name(node.node):
            return super().visit_Getattr(node, frame)
        self.write(f"environment.news_archive_attr({node.node.name!r}, ")
        CodeGenerator.visit_Name(self, node.node, frame)
        self.write(f", {node.attr!r})")

    @optimizeconst
    def visit_Getitem(self, node: nodes.Getitem, frame: Frame) -> None:
        if isinstance(node.arg, nodes.Slice) or not self._loads_name(node.node):
            return super().visit_Getitem(node, frame)
        self.write(f"environment.news_archive_item({node.node.name!r}, ")
        CodeGenerator.visit_Name(self, node.node, frame)
        self.write(", ")
        self.visit(node.arg, frame)
        self.write(")")


def _used(name: str, value: Any) -> Any:
    if _recording:
        _recording[-1][0].add(name)
    return value


# Filters that declared what they read of their argument (`declare_reads`): `x|f` is then
# noted as those paths (`x.title`, ...) instead of the whole of `x`.
FILTER_READS: dict[str, Callable[[Any], tuple[str, ...] | None]] = {}


def declare_reads(filter_name: str, reads: Callable[[Any], tuple[str, ...] | None]) -> None:
    """`reads(value)`: the attributes `filter_name` reads of `value`, or None when it cannot
    say (the whole value is then noted). Test it: an attribute read but not declared would
    leave pages stale."""
    FILTER_READS[filter_name] = reads


def _reads(name: str, filter_name: str, value: Any) -> Any:
    if _recording:
        attributes = FILTER_READS[filter_name](value)
        if attributes is None:
            _recording[-1][0].add(name)
        else:
            _recording[-1][0].update(f"{name}.{a}" for a in attributes)
    return value


def _note_path(name: str, path: str | None, result: Any) -> Any:
    """Note `path` (or the whole `name` for a method or an unusual key) as used."""
    if _recording:
        whole = path is None or (callable(result) and not isinstance(result, Undefined))
        _recording[-1][0].add(name if whole else path)
    return result


def _item_path(name: str, key: Any) -> str | None:
    if isinstance(key, str) or (isinstance(key, int) and not isinstance(key, bool)):
        return f"{name}[{json.dumps(key)}]"
    return None


@lru_cache(maxsize=1 << 14)
def _root(path: str) -> str:
    """The variable a noted path starts from (`x` of `x.y` and `x["k"]`)."""
    return path.split(".", 1)[0].split("[", 1)[0]


def lookup(values: dict, path: str) -> Any:
    """The value a noted path (`x`, `x.y`, `x["k"]`) had in `values`, as Jinja reads it."""
    if "[" in path:
        name, key = path[:-1].split("[", 1)
        if name not in values:
            return MISSING
        return _ENV.getitem(values[name], json.loads(key))
    name, _, attr = path.partition(".")
    if name not in values:
        return MISSING
    return _ENV.getattr(values[name], attr) if attr else values[name]


def _tested(name: str, value: Any) -> Any:
    if _recording:
        _recording[-1][1].add(name)
    return value


def track_templates(generator) -> None:
    """`generator_init` signal: compile this generator's templates with usage tracking."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    env.code_generator_class = TrackingCodeGenerator
    env.news_archive_used = _used
    env.news_archive_tested = _tested
    env.news_archive_reads = _reads
    env.news_archive_attr = lambda name, value, attr: _note_path(
        name, f"{name}.{attr}", env.getattr(value, attr))
    env.news_archive_item = lambda name, value, key: _note_path(
        name, _item_path(name, key), env.getitem(value, key))
    if env.cache is not None:
        env.cache.clear()


def enabled(settings: dict) -> bool:
    """Incremental skipping is on unless disabled by setting or by --ignore-cache."""
    return bool(settings.get("NEWS_ARCHIVE_INCREMENTAL", True)) and bool(
        settings.get("LOAD_CONTENT_CACHE", False)
    )


def state_path(settings: dict) -> Path:
    out = os.path.realpath(settings["OUTPUT_PATH"])
    key = hashlib.sha1(out.encode()).hexdigest()[:12]
    return Path(settings.get("CACHE_PATH") or "cache") / f"news_archive_incremental-{key}.json"


def _hash_tree(h: Any, root: Path, suffixes: tuple[str, ...] | None = None) -> None:
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in sorted(filenames):
            if suffixes and not name.endswith(suffixes):
                continue
            path = Path(dirpath) / name
            h.update(path.relative_to(root).as_posix().encode())
            try:
                h.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError:
                h.update(b"?")


def content_stamp(settings: dict) -> str:
    """Digest of the name, size and mtime of every file under PATH (posts, raw files, ...)."""
    h = hashlib.sha256()
    root = settings["PATH"]
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, root)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _output_settings(settings: dict) -> dict:
    return {k: v for k, v in settings.items() if k not in NEUTRAL_SETTINGS}


def build_fingerprint(settings: dict, fp: Fingerprinter) -> str:
    """Fingerprint of what every output depends on: settings, theme, plugins, libraries."""
    h = hashlib.sha256(f"v{STATE_VERSION}|{sys.version}".encode())
    for dist in ("pelican", "jinja2", "markdown", "markupsafe", "feedgenerator"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(dist.encode())
    h.update(fp.of(_output_settings(settings)).encode())
    theme_dirs = [settings.get("THEME", ""), *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    for d in theme_dirs:
        if d:
            _hash_tree(h, Path(d))
    for d in settings.get("PLUGIN_PATHS", []):
        _hash_tree(h, Path(d), (".py", ".html", ".jinja", ".j2", ".xml", ".txt", ".tsv", ".json"))
    return h.hexdigest()


class IncrementalWriter(Writer):
    """Pelican's Writer that skips renders whose recorded inputs did not change."""

    def __init__(self, output_path: str, settings: dict | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.fp = Fingerprinter(new_build=True)
        self.skip_allowed = enabled(self.settings)
        self.state_file = state_path(self.settings)
        self.previous: dict[str, dict] = {}
        self.current: dict[str, dict] = {}
        self.stats = {"rendered": 0, "skipped": 0, "feeds_written": 0, "feeds_skipped": 0}
        self.rendered_by_template: Counter[str] = Counter()  # for the build report
        self._shared: dict | None = None  # the build context of the output being decided
        self._shared_fps: dict[tuple[str, int], str] = {}
        self._build_fp: str | None = None
        self._inputs_fp: str | None = None
        self._stored_inputs_fp: str | None = None
        if self.skip_allowed:
            self.previous = self._load_state()
        self.state_file.unlink(missing_ok=True)
        _active[:] = [self]

    # -------------------------------------------------------------- state

    def _load_state(self) -> dict[str, dict]:
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if data.get("version") != STATE_VERSION:
            return {}
        self._stored_build_fp = data.get("build")
        self._stored_inputs_fp = data.get("inputs")
        lists = [tuple(x) for x in data.get("lists", [])]
        outputs = data.get("outputs", {})
        for entry in outputs.values():  # name lists are stored once, referred to by number
            for field in ("names", "absent", "tested"):
                entry[field] = lists[entry[field]]
        return outputs

    def remove_stale(self) -> list[str]:
        """Delete the pages and feeds the last build wrote that this one did not (a deleted
        article's page, a month left empty), when they are still the files it wrote."""
        removed: list[str] = []
        if self.settings.get("WRITE_SELECTED"):  # a partial build: the rest is still current
            return removed
        for rel in sorted(set(self.previous) - set(self.current)):
            path = sanitised_join(self.output_path, rel)
            try:
                st = os.stat(path)
            except OSError:
                continue
            if [st.st_size, st.st_mtime_ns] == self.previous[rel].get("stat"):
                os.unlink(path)
                removed.append(rel)
                _remove_empty_parents(Path(path).parent, Path(self.output_path))
        if removed:
            log.info("news_archive incremental: removed %d pages no longer built: %s",
                     len(removed), ", ".join(removed[:5]) + (" ..." if len(removed) > 5 else ""))
        return removed

    def save_state(self) -> None:
        """Write the fingerprints of this build's outputs (called when the build ends)."""
        self.stats["removed"] = len(self.remove_stale())
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        numbers: dict[tuple[str, ...], int] = {}
        outputs = {}
        for rel, entry in self.current.items():
            outputs[rel] = {**entry, **{f: numbers.setdefault(entry[f], len(numbers))
                                        for f in ("names", "absent", "tested")}}
        data = {"version": STATE_VERSION, "build": self.build_fp, "inputs": self.inputs_fp,
                "stats": self.stats, "rendered_by_template": dict(self.rendered_by_template),
                "lists": list(numbers), "outputs": outputs}
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.state_file)
        log.info("news_archive incremental: %(rendered)d rendered, %(skipped)d unchanged, "
                 "%(feeds_written)d feeds written, %(feeds_skipped)d unchanged", self.stats)

    @property
    def build_fp(self) -> str:
        if self._build_fp is None:
            self._build_fp = build_fingerprint(self.settings, self.fp)
        return self._build_fp

    @property
    def inputs_fp(self) -> str:
        """Build fingerprint plus the stamp of every content file (taken when writing starts,
        after ingest has written its posts)."""
        if self._inputs_fp is None:
            self._inputs_fp = digest(self.build_fp + content_stamp(self.settings))
        return self._inputs_fp

    # -------------------------------------------------------------- decisions

    def _claim(self, path: str, override: bool) -> bool:
        """Pelican's overwrite bookkeeping without opening the file; False: write elsewhere."""
        if path in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{path}" a second time')
            return False
        if path in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}" as Pelican has already written to it previously'
            )
        if override:
            self._overridden_files.add(path)
        self._written_files.add(path)
        return True

    def _fingerprint(self, kind: str, names: tuple[str, ...], values: dict,
                     tested: tuple[str, ...] = ()) -> str:
        """Used names by value, tested names (`is defined`) by presence only."""
        value_fp = self._value_fp
        parts = [self.build_fp, kind]
        parts += [f"{n}={value_fp(values, n)}" for n in names]
        parts += [f"{n}?{n in values}" for n in tested]
        return digest("\n".join(parts))

    def _value_fp(self, values: dict, path: str) -> str:
        """Fingerprint of what `path` reads in `values`. A value that is the build context's
        own (settings, the lists of all countries ...) is the same for every output, so its
        fingerprint is computed once per build (context values do not change while outputs are
        written)."""
        root = _root(path)
        value = values.get(root, MISSING)
        shared = self._shared
        if shared is None or value is MISSING or value is not shared.get(root, MISSING):
            return self._path_fp(values, path)
        key = (path, id(value))
        hit = self._shared_fps.get(key)
        if hit is None:
            hit = self._shared_fps[key] = self._path_fp(values, path)
        return hit

    def _path_fp(self, values: dict, path: str) -> str:
        value = lookup(values, path)
        if value is MISSING or isinstance(value, Undefined):
            return MISSING
        return self.fp.of(value) if path.isidentifier() else self.fp.of_attribute(value)

    def _unchanged(self, rel: str, path: str, kind: str, values: dict) -> bool:
        if not self.skip_allowed or getattr(self, "_stored_build_fp", None) != self.build_fp:
            return False
        old = self.previous.get(rel)
        if not old or old.get("kind") != kind:
            return False
        try:
            st = os.stat(path)
        except OSError:
            return False
        if [st.st_size, st.st_mtime_ns] != old.get("stat"):
            return False
        if self._stored_inputs_fp == self.inputs_fp:
            # No content file, setting, theme or plugin file changed since the last build, so
            # every output is what that build wrote: no need to fingerprint what it used.
            return True
        if any(r in values for r in old["absent"]):  # a loop variable is now a page variable
            return False
        same = self._fingerprint(kind, old["names"], values, old["tested"]) == old["fp"]
        if not same and EXPLAIN and "parts" in old:
            changed = [n for n in old["names"] if self._value_fp(values, n) != old["parts"].get(n)]
            log.warning("news_archive incremental: %s changed: %s", rel, ", ".join(changed))
        return same

    def _remember(self, rel: str, path: str, kind: str, used: set[str], values: dict,
                  tested: set[str] = frozenset()) -> None:
        """Keep the fingerprint of what the render used. Names whose root the page's variables
        lack (loop variables, `set` names) are kept by root, to check they are still absent."""
        st = os.stat(path)
        names = tuple(sorted(n for n in used if _root(n) in values))
        absent = tuple(sorted({_root(n) for n in used} - set(map(_root, names))))
        checked = tuple(sorted(tested - used))
        self.current[rel] = {
            "kind": kind, "names": names, "absent": absent, "tested": checked,
            "fp": self._fingerprint(kind, names, values, checked),
            "stat": [st.st_size, st.st_mtime_ns],
        }
        if EXPLAIN:
            self.current[rel]["parts"] = {n: self._value_fp(values, n) for n in names}

    # -------------------------------------------------------------- pages

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        """Pelican's write_file (4.12), deciding per output file whether to render."""
        if not name:
            return
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            local = self._localcontext(context, name, kwargs, relative_urls)
            self._write_one(template, context, local, name, override_output)
            return
        per_page = (self.settings["PAGINATED_TEMPLATES"][template_name]
                    or self.settings["DEFAULT_PAGINATION"])
        paginators = make_paginators(name, url, paginated, self.settings, per_page)
        for page_num in range(next(iter(paginators.values())).num_pages):
            page_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                page = paginator.page(page_num + 1)
                page_kwargs.update({
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": paginator.page(page_num) if page_num > 0 else None,
                    f"{key}_next_page": (paginator.page(page_num + 2)
                                         if page_num + 1 < paginator.num_pages else None),
                })
            local = self._localcontext(context, page.save_as, page_kwargs, relative_urls)
            self._write_one(template, context, local, page.save_as, override_output)

    @staticmethod
    def _localcontext(context: dict, name: str, kwargs: dict, relative_urls: bool) -> dict:
        local = context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            local["SITEURL"] = relative_url
            local["localsiteurl"] = relative_url
        local["output_file"] = name
        local.update(kwargs)
        return local

    def _write_one(self, template, context: dict, local: dict, name: str,
                   override: bool) -> None:
        if local["localsiteurl"]:
            context["localsiteurl"] = local["localsiteurl"]
        path = sanitised_join(self.output_path, name)
        kind = "page:" + str(getattr(template, "name", template))
        self._shared = context
        if self._unchanged(name, path, kind, local):
            if self._claim(path, override):
                self.current[name] = self.previous[name]
                self.stats["skipped"] += 1
                signals.content_written.send(path, context=local)
            return
        used: set[str] = set()
        tested: set[str] = set()
        _recording.append((used, tested))
        try:
            output = template.render(local)
        finally:
            _recording.pop()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with self._open_w(path, "utf-8", override=override) as f:
            f.write(output)
            real = f.name != os.devnull
        log.debug('Writing "%s"', path)
        if real:
            self._remember(name, path, kind, used, local, tested)
            self.stats["rendered"] += 1
            self.rendered_by_template[kind[5:]] += 1
        signals.content_written.send(path, context=local)

    # -------------------------------------------------------------- feeds

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


def _remove_empty_parents(folder: Path, top: Path) -> None:
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty
            return
        folder = folder.parent


def _section(name: str) -> str:
    """First folder of an output path ("country", "feeds"), for the build report."""
    head, sep, _ = name.replace(os.sep, "/").partition("/")
    return head if sep else "(top)"


def get_writer(pelican) -> type[Writer] | None:
    """`get_writer` signal: our writer for every build."""
    return IncrementalWriter


def save_state(pelican) -> None:
    """`finalized` signal: keep this build's fingerprints for the next one."""
    if _active:
        _active.pop().save_state()


def stable_sitemap_time(generators) -> None:
    """`all_generators_finalized`: pelican-sitemap stamps index pages with the build time;
    use the newest content's date instead, so that rebuilding unchanged content gives the same
    sitemap (and an incremental build the same bytes as a full one)."""
    dates = [getattr(a, "modified", None) or a.date
             for g in generators for a in getattr(g, "articles", []) + getattr(g, "pages", [])
             if getattr(a, "date", None)]
    sitemap = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if dates and sitemap is not None and hasattr(getattr(sitemap, "generator", None), "now"):
        sitemap.generator.now = max(dates)


def guard_content_cache(pelican) -> None:
    """`initialized`: Pelican's content cache is checked only against each source file; drop it
    when the settings, plugin code or library versions changed (they shape reader output)."""
    settings = pelican.settings
    if not settings.get("CACHE_CONTENT"):
        return
    cache = Path(settings.get("CACHE_PATH") or "cache")
    h = hashlib.sha256(Fingerprinter().of(_output_settings(settings)).encode())
    for dist in ("pelican", "markdown"):
        h.update(metadata.version(dist).encode())
    for d in settings.get("PLUGIN_PATHS", []):
        _hash_tree(h, Path(d), (".py", ".txt", ".tsv", ".json"))
    key_file = cache / "news_archive_cache_key"
    key = h.hexdigest()
    try:
        if key_file.read_text() == key:
            return
    except OSError:
        pass
    for f in cache.glob("*Generator-*"):
        f.unlink(missing_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    key_file.write_text(key)


def register() -> None:
    from .linked_data import FILTER_READS as article_filters

    for name, reads in article_filters.items():
        declare_reads(name, reads)
    signals.initialized.connect(guard_content_cache)
    signals.all_generators_finalized.connect(stable_sitemap_time)
    signals.generator_init.connect(track_templates)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(save_state)

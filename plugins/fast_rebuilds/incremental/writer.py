"""`IncrementalWriter`: Pelican's Writer that renders only the outputs whose inputs changed.

For every output file it renders, the writer records which template variables the render used
(`tracking.py`) and a fingerprint of their values (`fingerprint.py`); on the next build it
fingerprints the same variables *before* rendering, and skips the render and the write when
they match and the file on disk is still the one it wrote (size and mtime).
"""

from __future__ import annotations

import logging
import os
from collections import Counter

from jinja2 import Undefined
from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from ..fingerprint import Fingerprinter, covers_attribute, digest
from ..pagination import paginators as make_paginators
from .feeds import FeedSkipping
from .state import RenderState, build_fingerprint, content_stamp, enabled, remove_stale
from .tracking import MISSING, lookup, recording, root_of
from .written import WrittenRecord, still_present

log = logging.getLogger("fast_rebuilds")
# FAST_REBUILDS_EXPLAIN=1: log, for each output rendered again, which of its inputs changed.
EXPLAIN = bool(os.environ.get("FAST_REBUILDS_EXPLAIN"))
_active: list[IncrementalWriter] = []


class IncrementalWriter(FeedSkipping, Writer):
    """Pelican's Writer that skips renders whose recorded inputs did not change."""

    def __init__(self, output_path: str, settings: dict | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.fp = Fingerprinter(new_build=True)
        self.skip_allowed = enabled(self.settings)
        self.state = RenderState(self.settings)
        self.previous: dict[str, dict] = {}
        self.current: dict[str, dict] = {}
        self.stats = {"rendered": 0, "skipped": 0, "feeds_written": 0, "feeds_skipped": 0}
        self.rendered_by_template: Counter[str] = Counter()  # for the build report
        self._shared: dict | None = None  # the build context of the output being decided
        self._shared_fps: dict[tuple[str, int], str] = {}
        self._build_fp: str | None = None
        self._inputs_fp: str | None = None
        if self.skip_allowed:
            self.previous = self.state.load()
        self.state.discard()
        self.written = WrittenRecord(self.output_path)  # kept in output/: survives a lost cache
        _active[:] = [self]

    # -------------------------------------------------------------- state

    def save_state(self) -> None:
        """Remove stale outputs and write this build's fingerprints (when the build ends)."""
        # Stale: what the last build or the record in output/ lists and this build did not write.
        previous = {**self.written.as_previous(), **self.previous}
        self.stats["removed"] = len(remove_stale(self.output_path, previous, self.current,
                                                 self.settings))
        kept = {rel: entry["stat"] for rel, entry in self.current.items()}
        if self.settings.get("WRITE_SELECTED"):  # a partial build: the rest is still current
            kept = {**still_present(self.output_path, self.written.files), **kept}
        self.written.save(kept)
        self.state.save(self.current, build=self.build_fp, inputs=self.inputs_fp,
                        stats=self.stats, rendered_by_template=dict(self.rendered_by_template))
        log.info("fast_rebuilds incremental: %(rendered)d rendered, %(skipped)d unchanged, "
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
        root = root_of(path)
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
        if not self.skip_allowed or self.state.stored_build != self.build_fp:
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
        if self.state.stored_inputs == self.inputs_fp:
            # No content file, setting, theme or plugin file changed since the last build, so
            # every output is what that build wrote: no need to fingerprint what it used.
            return True
        if any(r in values for r in old["absent"]):  # a loop variable is now a page variable
            return False
        same = self._fingerprint(kind, old["names"], values, old["tested"]) == old["fp"]
        if not same and EXPLAIN and "parts" in old:
            changed = [n for n in old["names"] if self._value_fp(values, n) != old["parts"].get(n)]
            log.warning("fast_rebuilds incremental: %s changed: %s", rel, ", ".join(changed))
        return same

    def _remember(self, rel: str, path: str, kind: str, used: set[str], values: dict,
                  tested: set[str] = frozenset()) -> None:
        """Keep the fingerprint of what the render used. Names whose root the page's variables
        lack (loop variables, `set` names) are kept by root, to check they are still absent."""
        st = os.stat(path)
        names = tuple(sorted(n for n in used if root_of(n) in values
                             and not covered(n, used, values)))
        absent = tuple(sorted({root_of(n) for n in used} - set(map(root_of, names))))
        checked = tuple(sorted(tested - used))
        self.current[rel] = {
            "kind": kind, "names": names, "absent": absent, "tested": checked,
            "fp": self._fingerprint(kind, names, values, checked),
            "stat": [st.st_size, st.st_mtime_ns],
        }
        self.written.note(rel, [st.st_size, st.st_mtime_ns])
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
        with recording() as (used, tested):
            output = template.render(local)
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


def covered(name: str, used: set[str], values: dict) -> bool:
    """True for a noted `x.attr` whose value the fingerprint of `x`, noted whole by the same
    render, already covers: it need not be fingerprinted again."""
    root, dot, attr = name.partition(".")
    if not dot or root not in used or "." in attr or "[" in attr:
        return False
    value = values.get(root, MISSING)
    return value is not MISSING and covers_attribute(value, attr)


def get_writer(pelican) -> type[Writer] | None:
    """`get_writer` signal: our writer for every build."""
    return IncrementalWriter


def save_state(pelican) -> None:
    """`finalized` signal: keep this build's fingerprints for the next one."""
    if _active:
        _active.pop().save_state()

"""Template read-tracking: templates compiled so that every use of a variable is noted.

`TrackingCodeGenerator` rewrites each use of a template name into a call that records it while
a render is recorded (`recording()`); filters may declare which attributes of their argument
they read (`declare_reads`). The writer fingerprints exactly what a render used.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from jinja2 import Environment, Undefined, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.idtracking import VAR_LOAD_PARAMETER, VAR_LOAD_UNDEFINED

MISSING = "<missing>"
_ENV = Environment()  # Jinja's attribute and item lookup rules, for `lookup`
_recording: list[tuple[set[str], set[str]]] = []  # (used, tested) of renders in progress


@contextmanager
def recording() -> Iterator[tuple[set[str], set[str]]]:
    """Note the names (used, tested) that the renders inside the block read."""
    used: set[str] = set()
    tested: set[str] = set()
    _recording.append((used, tested))
    try:
        yield used, tested
    finally:
        _recording.pop()


class TrackingCodeGenerator(CodeGenerator):
    """Compiles templates so that every use of a template variable is noted at run time.

    Jinja looks every name of a template up when a block starts, used or not; this generator
    wraps each *use* of a name (`{{ x }}`, `x|f`, `f(x)`, ...) in
    `environment.fast_rebuilds_used("x", x)`, and `x is defined` in
    `environment.fast_rebuilds_tested(...)`, which only notes that the name was tested. An
    attribute or item read straight off a name (`x.y`, `x["k"]`, `x[2]`) is noted as that path
    (`x.y`, `x["k"]`), so a page that shows `entity.name` does not depend on `entity.count`;
    a method (`x.f()`) or an unusual key notes the whole name. Macro parameters and names the
    template assigns before reading them (loop variables, `set`) are not noted: they never read
    the render's variables, and their values come from reads noted where they were taken
    (`{% for a in articles %}{{ a.title }}` notes `articles`).
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
        if node.ctx != "load" or not self._from_context(node, frame):
            return super().visit_Name(node, frame)
        if node is self._declared:  # `x|f`, where f declared which attributes of x it reads
            self.write(f"environment.fast_rebuilds_reads({node.name!r}, "
                       f"{self._declared_filter!r}, ")
            super().visit_Name(node, frame)
            self.write(")")
            return None
        tested = node is self._defined_test
        func = "fast_rebuilds_tested" if tested else "fast_rebuilds_used"
        self.write(f"environment.{func}({node.name!r}, ")
        super().visit_Name(node, frame)
        self.write(")")

    @optimizeconst
    def visit_Filter(self, node: nodes.Filter, frame: Frame) -> None:
        if node.name not in FILTER_READS or not self._loads_name(node.node, frame):
            return super().visit_Filter(node, frame)
        self._declared, self._declared_filter = node.node, node.name
        try:
            super().visit_Filter(node, frame)
        finally:
            self._declared = None

    def _loads_name(self, node: nodes.Node, frame: Frame) -> bool:
        return (isinstance(node, nodes.Name) and node.ctx == "load"
                and node is not self._defined_test and not self.environment.is_async
                and self._from_context(node, frame))

    @staticmethod
    def _from_context(node: nodes.Name, frame: Frame) -> bool:
        """False for a name that never reads the render's variables: a macro's parameter, or
        a name the template assigns itself before use (a loop variable, `set`); what such a
        name holds came from a read noted where it was taken. Jinja decides this when it
        compiles (its symbol table); any other name is noted."""
        ref = frame.symbols.find_ref(node.name)
        load = frame.symbols.find_load(ref) if ref is not None else None
        return load is None or load[0] not in (VAR_LOAD_PARAMETER, VAR_LOAD_UNDEFINED)

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        if not self._loads_name(node.node, frame):
            return super().visit_Getattr(node, frame)
        self.write(f"environment.fast_rebuilds_attr({node.node.name!r}, ")
        CodeGenerator.visit_Name(self, node.node, frame)
        self.write(f", {node.attr!r})")

    @optimizeconst
    def visit_Getitem(self, node: nodes.Getitem, frame: Frame) -> None:
        if isinstance(node.arg, nodes.Slice) or not self._loads_name(node.node, frame):
            return super().visit_Getitem(node, frame)
        self.write(f"environment.fast_rebuilds_item({node.node.name!r}, ")
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
def root_of(path: str) -> str:
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
    env.fast_rebuilds_used = _used
    env.fast_rebuilds_tested = _tested
    env.fast_rebuilds_reads = _reads
    env.fast_rebuilds_attr = lambda name, value, attr: _note_path(
        name, f"{name}.{attr}", env.getattr(value, attr))
    env.fast_rebuilds_item = lambda name, value, key: _note_path(
        name, _item_path(name, key), env.getitem(value, key))
    if env.cache is not None:
        env.cache.clear()

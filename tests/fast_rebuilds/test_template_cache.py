"""Compiled templates kept on disk between builds: reused only for the same source and the same
environment, compiled afresh when asked to or when the kept file is damaged."""

from __future__ import annotations

import functools
import logging

import pytest
from fast_rebuilds import template_cache
from jinja2 import DictLoader, Environment


class Stamp:
    """A callable filter object, as Pelican's `strftime` (a `DateFormatter`)."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def __call__(self, value: str) -> str:
        return f"{value}@{self.fmt}"


def _env(folder, source: str = "{{ 'x'|shout }}", load: bool = True, shout=str.upper):
    env = Environment(loader=DictLoader({"t.html": source}), autoescape=True)
    env.filters["shout"] = shout
    env.bytecode_cache = template_cache.KeptBytecodeCache(folder, load=load)
    return env


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """Names of the templates compiled; the in-memory copies forgotten (a new process)."""
    names: list[str] = []
    original = Environment.compile

    def counting(self, source, name=None, *args, **kwargs):
        names.append(name)
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    monkeypatch.setattr(template_cache, "_memory", {})
    return names


def _new_process(monkeypatch) -> None:
    monkeypatch.setattr(template_cache, "_memory", {})


def test_a_template_compiled_in_one_build_is_loaded_in_the_next(tmp_path, compiled,
                                                                monkeypatch) -> None:
    assert _env(tmp_path).get_template("t.html").render() == "X"
    assert list(tmp_path.glob("*/*.bc"))
    _new_process(monkeypatch)
    assert _env(tmp_path).get_template("t.html").render() == "X"
    assert compiled == ["t.html"]  # once: the second process loaded the kept code


def test_an_edited_template_or_another_filter_is_compiled_again(tmp_path, compiled,
                                                                monkeypatch) -> None:
    assert _env(tmp_path).get_template("t.html").render() == "X"
    _new_process(monkeypatch)
    assert _env(tmp_path, "{{ 'y'|shout }}!").get_template("t.html").render() == "Y!"
    _new_process(monkeypatch)

    def lower(s: str) -> str:
        return s.lower()

    # A constant filter call is folded when compiling: another filter, another compiled code.
    assert _env(tmp_path, shout=lower).get_template("t.html").render() == "x"
    assert len(compiled) == 3


def test_ignore_cache_compiles_afresh(tmp_path, compiled, monkeypatch) -> None:
    _env(tmp_path).get_template("t.html")
    _new_process(monkeypatch)
    assert _env(tmp_path, load=False).get_template("t.html").render() == "X"
    assert len(compiled) == 2


def test_a_damaged_compiled_template_is_set_aside_and_compiled(tmp_path, compiled,
                                                               monkeypatch, caplog) -> None:
    _env(tmp_path).get_template("t.html")
    [kept] = tmp_path.glob("*/*.bc")
    kept.write_bytes(kept.read_bytes()[:20])  # a truncated file
    _new_process(monkeypatch)
    with caplog.at_level(logging.WARNING):
        assert _env(tmp_path).get_template("t.html").render() == "X"
    assert kept.with_name(kept.name + ".damaged").exists()
    assert "compiled template" in caplog.text and kept.name in caplog.text
    assert len(compiled) == 2


def test_the_disk_key_is_stable_and_says_when_it_cannot_be(tmp_path) -> None:
    key = template_cache.environment_key
    same = [key(_env(tmp_path, shout=Stamp("%Y")), stable=True) for _ in range(2)]
    assert same[0] is not None and same[0] == same[1]  # equal objects: one key
    assert key(_env(tmp_path, shout=Stamp("%d")), stable=True) != same[0]

    class Opaque:
        __slots__ = ()

        def __call__(self, value):
            return value

    def enabled(name: str, names: list) -> bool:
        return name in names

    # A partial (Pelican's `plugin_enabled` test) by its function and its bound arguments.
    one = key(_env(tmp_path, shout=functools.partial(enabled, names=["a"])), stable=True)
    assert one == key(_env(tmp_path, shout=functools.partial(enabled, names=["a"])), stable=True)
    assert one is not None
    assert one != key(_env(tmp_path, shout=functools.partial(enabled, names=["b"])), stable=True)
    # No state to describe it but its address: not kept on disk (still in memory).
    assert key(_env(tmp_path, shout=Opaque()), stable=True) is None
    assert key(_env(tmp_path, shout=Opaque())) is not None

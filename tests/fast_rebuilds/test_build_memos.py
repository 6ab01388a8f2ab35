"""What long-lived build processes keep between builds: post headers, compiled templates, and
the garbage-collector setting of a build."""

from __future__ import annotations

import gc
import os
from types import SimpleNamespace

from fast_rebuilds import build_gc, template_cache
from jinja2 import DictLoader, Environment
from news_archive import posts


def test_post_headers_are_read_again_when_the_file_changes(tmp_path) -> None:
    post = tmp_path / "a.md"
    post.write_text("Title: First\nSlug: a\n\nBody\n", encoding="utf-8")
    assert posts.header_of(post)["title"] == "First"
    first = posts.header_of(post)
    first["title"] = "changed by the caller"  # callers get a copy
    assert posts.header_of(post)["title"] == "First"
    st = post.stat()
    post.write_text("Title: Other\nSlug: a\n\nBody\n", encoding="utf-8")  # same size
    os.utime(post, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same modification time
    assert posts.header_of(post)["title"] == "Other"  # the change time still tells
    posts.forget_headers(set())
    assert not any(k[0] == str(post) for k in posts._headers)


def _env(filters: dict | None = None) -> Environment:
    env = Environment(loader=DictLoader({"t.html": "{{ 'x'|shout }}"}), autoescape=True)
    env.filters["shout"] = (filters or {}).get("shout", str.upper)
    env.bytecode_cache = template_cache.KeptBytecodeCache()
    return env


def test_compiled_templates_are_reused_only_by_environments_alike(monkeypatch) -> None:
    compiled = []
    original = Environment.compile

    def counting(self, *args, **kwargs):
        compiled.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    assert _env().get_template("t.html").render() == "X"
    assert _env().get_template("t.html").render() == "X"
    assert len(compiled) == 1  # the second environment loaded the kept code

    def lower(s: str) -> str:
        return s.lower()

    # Constant filter calls are folded at compile time: another filter, another key.
    assert _env({"shout": lower}).get_template("t.html").render() == "x"
    assert len(compiled) == 2
    key = template_cache.environment_key
    assert key(_env()) != key(_env({"shout": lower}))


def test_a_build_raises_the_collection_threshold_and_puts_it_back() -> None:
    before = gc.get_threshold()
    try:
        build_gc.relax(SimpleNamespace(settings={"FAST_REBUILDS_GC_THRESHOLD": 12345}))
        assert gc.get_threshold()[0] == max(before[0], 12345)
        build_gc.relax(SimpleNamespace(settings={}))  # a second generator: no change
        assert gc.get_threshold()[0] == max(before[0], 12345)
    finally:
        build_gc.restore()
    assert gc.get_threshold() == before
    build_gc.relax(SimpleNamespace(settings={"FAST_REBUILDS_GC_THRESHOLD": 0}))
    assert gc.get_threshold() == before

"""Incremental rendering: same bytes as a clean build, nothing rewritten when nothing changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from generate_archive import AFTER_ARCHIVE, generate  # noqa: E402

# Written outside Pelican's writer on every build: what this run's ingest did.
RUN_REPORTS = {"ingest-report.json", ".fast_rebuilds-written.tsv"}

pytestmark = pytest.mark.slow


@pytest.fixture
def site(tmp_path: Path):
    """A private copy of the plugin and theme (edits made elsewhere cannot interfere) and a
    build(name, *extra_args, **settings) helper for content folder `name`."""
    snap = tmp_path / "snap"
    shutil.copytree(ROOT / "plugins", snap / "plugins",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(ROOT / "theme", snap / "theme")

    def build(name: str, *extra: str, **settings):
        base = tmp_path / name
        base_settings = {
            "PATH": str(base / "content"), "OUTPUT_PATH": str(base / "output"),
            "CACHE_PATH": str(base / "cache"), "PLUGIN_PATHS": [str(snap / "plugins")],
            "THEME": str(snap / "theme"), "SEARCH_ENABLED": False,
        }
        pairs = [f"{k}={json.dumps(v)}" for k, v in {**base_settings, **settings}.items()]
        # One -e with every pair: Pelican keeps only the last of several -e options.
        cmd = [sys.executable, "-m", "pelican", str(base / "content"), "-s",
               str(ROOT / "pelican.conf.py"), "-o", str(base / "output"), *extra, "-e", *pairs]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert "Could not" not in proc.stderr, proc.stderr[-3000:]
        state = next((base / "cache").glob("fast_rebuilds_incremental-*.json"))
        return base / "output", json.loads(state.read_text())["stats"]

    build.root = tmp_path
    build.snap = snap
    return build


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file() and p.suffix in (".html", ".xml")
            and p.name != "sitemap.xml"}


def test_incremental_build_is_byte_identical_to_clean_build(site) -> None:
    raw = site.root / "inc" / "content" / "raw"
    generate(30, raw, seed=11)
    out, first = site("inc")
    assert first["rendered"] > 30 and first["skipped"] == 0
    generate(3, raw, seed=11, start=30)
    out, second = site("inc")
    assert second["skipped"] > 0, "nothing was skipped: incremental rendering is not working"
    assert second["rendered"] >= 3

    shutil.copytree(raw, site.root / "clean" / "content" / "raw")
    clean_out, clean = site("clean")
    assert clean["skipped"] == 0
    inc_files, clean_files = _files(out), _files(clean_out)
    assert sorted(inc_files) == sorted(clean_files)
    differ = [k for k in inc_files if inc_files[k] != clean_files[k] and k not in RUN_REPORTS]
    assert differ == []
    assert sum(1 for k in inc_files if k.endswith(".html")) > 40


def test_unchanged_rebuild_writes_nothing_and_full_builds_can_be_forced(site) -> None:
    generate(20, site.root / "s" / "content" / "raw", seed=5)
    out, first = site("s")
    before = _mtimes(out)
    out, again = site("s")
    assert again["rendered"] == 0 and again["feeds_written"] == 0
    assert again["skipped"] == first["rendered"]
    assert _mtimes(out) == before

    # Pelican's --ignore-cache, or the plugin's setting, renders everything.
    _, forced = site("s", "--ignore-cache")
    assert forced["skipped"] == 0 and forced["rendered"] == first["rendered"]
    _, off = site("s", FAST_REBUILDS_INCREMENTAL=False)
    assert off["skipped"] == 0 and off["rendered"] == first["rendered"]
    # ... and the next build is incremental again.
    _, back = site("s")
    assert back["rendered"] == 0


def test_template_change_forces_rerender(site) -> None:
    generate(12, site.root / "t" / "content" / "raw", seed=9)
    out, first = site("t")
    template = site.snap / "theme" / "templates" / "article.html"
    source = template.read_text()
    head, sep, tail = source.rpartition("{% endblock %}")
    assert sep, "article.html has a content block"
    template.write_text(head + "<p data-v2></p>" + sep + tail)
    out, second = site("t")
    assert second["skipped"] == 0 and second["rendered"] == first["rendered"]
    pages = [p.read_text() for p in out.glob("*.html")]
    articles = [t for t in pages if 'class="article-body"' in t]
    assert len(articles) >= 10 and all("<p data-v2></p>" in t for t in articles)


def test_fingerprints_are_stable_and_sensitive() -> None:
    from datetime import datetime

    from fast_rebuilds.fingerprint import Fingerprinter

    def f():
        return {"a": [1, "x" * 100, datetime(2020, 1, 2)], "b": (None, 2.5), "fn": _files}

    assert Fingerprinter().of(f()) == Fingerprinter().of(f())
    changed = f()
    changed["a"][1] = "x" * 99 + "y"
    assert Fingerprinter().of(changed) != Fingerprinter().of(f())


def test_hand_edit_of_one_post_rerenders_what_shows_it(site) -> None:
    """After a no-change build (fast path), editing one post re-renders its pages, and the
    result is byte-identical to a clean build of the same content."""
    content = site.root / "e" / "content"
    generate(20, content / "raw", seed=3)
    site("e")
    out, again = site("e")
    assert again["rendered"] == 0
    post = sorted((content / "posts").glob("*.md"))[0]
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("\nTitle: ", "\nTitle: Edited: ", 1), encoding="utf-8")
    out, edited = site("e")
    assert 0 < edited["rendered"] < again["skipped"]
    shutil.copytree(content, site.root / "clean" / "content")
    clean_out, _ = site("clean")
    inc_files, clean_files = _files(out), _files(clean_out)
    assert sorted(inc_files) == sorted(clean_files)
    assert [k for k in inc_files
            if inc_files[k] != clean_files[k] and k not in RUN_REPORTS] == []
    assert any("Edited: " in v.decode("utf-8", "replace") for v in inc_files.values())


def test_templates_note_the_paths_they_read() -> None:
    """`x.a` and `y["k"]` are noted as paths, a method call or a plain use as the whole name."""
    from types import SimpleNamespace

    from fast_rebuilds.incremental import tracking
    from jinja2 import Environment

    env = Environment()
    env.filters.update(known=lambda v: v.n, opaque=lambda v: v.n)
    tracking.declare_reads("known", lambda v: ("n",))
    tracking.declare_reads("opaque", lambda v: None)
    tracking.track_templates(SimpleNamespace(env=env))
    template = env.from_string('{{ x.a }} {{ y["k"] }} {{ z.m() }} {{ w }} {% if v is defined %}'
                               '{% endif %}{{ d|known }}{{ o|opaque }}')
    try:
        with tracking.recording() as (used, tested):
            out = template.render(x={"a": 1}, y={"k": 2}, z=SimpleNamespace(m=lambda: 3), w=4,
                                  d=SimpleNamespace(n=5), o=SimpleNamespace(n=6))
    finally:
        for name in ("known", "opaque"):
            tracking.FILTER_READS.pop(name, None)
    assert out.split() == ["1", "2", "3", "4", "56"]
    # A filter that declared its reads notes them; one that cannot say notes the whole value.
    assert used == {"x.a", 'y["k"]', "z", "w", "d.n", "o"}
    assert tested == {"v"}
    values = {"x": {"a": 1}, "y": {"k": 2}}
    assert tracking.lookup(values, "x.a") == 1 and tracking.lookup(values, 'y["k"]') == 2
    assert tracking.lookup(values, "q.a") is tracking.MISSING


def test_new_articles_leave_older_pages_untouched(site) -> None:
    """A day of new articles re-renders the first pages that list them, never an older page
    (stable pagination, and pages that only show an entity's name do not depend on its
    count); the result is byte-identical to a clean build."""
    content = site.root / "n" / "content"
    generate(120, content / "raw", seed=4)
    out, first = site("n", DEFAULT_PAGINATION=4)
    before = {k: v for k, v in _mtimes(out).items() if _older_page(k)}
    assert len(before) > 20, "the archive should have many older pages"
    _check_older_entity_page(out, next(k for k in sorted(before) if k.startswith("country/")))
    old_bytes = {k: (out / k).read_bytes() for k in before}

    day = AFTER_ARCHIVE
    other_months = {k: v for k, v in _mtimes(out).items()
                    if k.startswith(f"{day:%Y}/") and k.count("/") == 2 and not
                    k.startswith(f"{day:%Y/%m}/")}
    assert other_months, "the new articles' year should have other month pages"
    generate(3, content / "raw", seed=4, start=120, first_day=day, span_days=1)
    out, second = site("n", DEFAULT_PAGINATION=4)
    # Other months of the same year show nothing of the new day: not rendered again.
    assert {k: _mtimes(out)[k] for k in other_months} == other_months
    assert 0 < second["rendered"] < first["rendered"] / 3
    after = _mtimes(out)
    rewritten = [k for k in before if after.get(k) != before[k]]
    changed = [k for k in before if (out / k).read_bytes() != old_bytes[k]]
    assert sorted(rewritten) == sorted(changed)
    # Only the newest older page of a list may change: its "newer" link, when the first page
    # filled up and handed over a new older page behind it.
    assert len(changed) < len(before) / 10
    for rel in changed:
        folder, number = _page_number(rel)
        numbers = {_page_number(k)[1] for k in before if _page_number(k)[0] == folder}
        assert number == max(numbers), rel
        assert (out / folder / f"index{number + 1}.html").exists(), rel

    shutil.copytree(content, site.root / "clean" / "content")
    clean_out, _ = site("clean", DEFAULT_PAGINATION=4)
    inc_files, clean_files = _files(out), _files(clean_out)
    assert sorted(inc_files) == sorted(clean_files)
    assert [k for k in inc_files
            if inc_files[k] != clean_files[k] and k not in RUN_REPORTS] == []


def _older_page(rel: str) -> bool:
    """An older page of a paginated list: index2.html, index3.html, ..."""
    name = rel.rsplit("/", 1)[-1]
    return name.startswith("index") and name[5:-5].isdigit()


def _page_number(rel: str) -> tuple[str, int]:
    folder, _, name = rel.rpartition("/")
    return folder, int(name[5:-5])


def _check_older_entity_page(out: Path, rel: str) -> None:
    """An older page names its entity (JSON-LD from the entity's identity), lists its own
    articles and links to the newer page and the entity's first page."""
    import re

    html = (out / rel).read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ld = next(json.loads(b) for b in blocks if '"CollectionPage"' in b)
    stories = html.count('<li class="story')
    assert 0 < stories and ld["mainEntity"]["numberOfItems"] == stories
    assert ld["about"]["name"] and ld["about"]["name"] in html
    assert 'rel="prev"' in html and "latest coverage of" in html


def test_an_alias_learnt_later_reaches_earlier_articles(site) -> None:
    """Editing one article to give an organization's short name changes the JSON-LD of the
    other articles naming it (even those that do not list the edited one): the incremental
    output equals a clean build."""
    posts = site.root / "a" / "content" / "posts"
    posts.mkdir(parents=True)
    org = "Collective Security Treaty Organization"

    def post(name: str, day: str, extra: str = "") -> None:
        (posts / f"{name}.md").write_text(
            f"Title: {name}\nDate: {day}\nOrganizations: {org}\n{extra}\n"
            f"The {org} met ({name}).\n", encoding="utf-8")

    for i in range(1, 6):
        post(f"early{i}", f"2021-01-0{i}")
    post("late", "2024-05-01")
    site("a")
    post("late", "2024-05-01", f"Organization-Aliases: CSTO={org}\n")
    out, second = site("a")
    assert second["skipped"] > 0
    assert '"CSTO"' in (out / "early1.html").read_text(encoding="utf-8")
    shutil.copytree(site.root / "a" / "content", site.root / "clean" / "content")
    clean_out, _ = site("clean")
    inc_files, clean_files = _files(out), _files(clean_out)
    assert [k for k in inc_files
            if inc_files[k] != clean_files.get(k) and k not in RUN_REPORTS] == []


def test_loop_variables_and_macro_parameters_are_not_noted() -> None:
    """Names that never read the render's variables cost no noting (they were a third of a
    cold build's noting calls); the context values they come from are noted, also inside
    loops and macros."""
    from types import SimpleNamespace

    from fast_rebuilds.incremental import tracking
    from jinja2 import Environment

    env = Environment()
    tracking.track_templates(SimpleNamespace(env=env))
    template = env.from_string(
        "{% macro show(item, n=limit) %}{{ item.title }}{{ n }}{{ SITEURL }}{% endmacro %}"
        "{% for a in articles %}{{ a.title }}{{ show(a) }}{{ site.name }}{% endfor %}"
        "{% set first = articles[0] %}{{ first.title }}{% if a is defined %}x{% endif %}")
    with tracking.recording() as (used, tested):
        out = template.render(articles=[SimpleNamespace(title="T1"), SimpleNamespace(title="T2")],
                              limit=3, SITEURL="/s", site=SimpleNamespace(name="N"))
    assert out == "T1T13/sNT2T23/sNT1"
    assert used == {"articles", "articles[0]", "limit", "SITEURL", "site.name"}
    assert tested == {"a"}  # outside the loop, `a` is looked up in the render's variables

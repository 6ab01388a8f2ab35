"""Fault injection: a small archive is built, damaged or killed in each way, rebuilt, and
compared with a clean build of the same raw files (posts, pages, feeds, data files).

Search is off (SEARCH_ENABLED False) except in the test of the search index after a deletion
and a lost cache, which compares the pages the index holds. Every scenario runs the real
`pelican` command, like a user would.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from generate_archive import generate  # noqa: E402

pytestmark = pytest.mark.slow

# Written outside the writer on every build, or the build's own bookkeeping.
NOT_COMPARED = {"ingest-report.json"}
MUTATOR = '''
"""Test plugin: during the first build only, delete one raw file and edit another."""
import os
from pathlib import Path
from pelican import signals

def mutate(generators):
    marker = Path(os.environ["MUTATE_MARKER"])
    if marker.exists():
        return
    marker.write_text("done")
    raw = Path(os.environ["MUTATE_RAW"])
    files = sorted(raw.glob("*.txt"))
    files[0].unlink()
    text = files[1].read_text()
    files[1].write_text(text.replace(" the ", " the Zanzibarmarker ", 1))

def register():
    signals.all_generators_finalized.connect(mutate)
'''


def pelican_cmd(base: Path, *extra: str, plugin_paths: list[str] | None = None,
                **settings) -> list[str]:
    values = {"PATH": str(base / "content"), "OUTPUT_PATH": str(base / "output"),
              "CACHE_PATH": str(base / "cache"), "SEARCH_ENABLED": False,
              "PLUGIN_PATHS": [str(ROOT / "plugins"), *(plugin_paths or [])],
              "THEME": str(ROOT / "theme"), **settings}
    pairs = [f"{k}={json.dumps(v)}" for k, v in values.items()]
    return [sys.executable, "-m", "pelican", str(base / "content"), "-s",
            str(ROOT / "pelican.conf.py"), "-o", str(base / "output"), "--log-handler", "plain",
            *extra, "-e", *pairs]


def build(base: Path, *extra: str, ok: bool = True, **settings) -> str:
    """Build the site in `base`; returns its log (stdout and stderr)."""
    proc = subprocess.run(pelican_cmd(base, *extra, **settings), cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    log = proc.stdout + proc.stderr
    if ok:
        assert proc.returncode == 0, log[-3000:]
    return log


def tree(base: Path) -> dict[str, dict[str, bytes]]:
    """What a reader sees: the posts and every output file (hidden files aside)."""
    def files(folder: Path, pattern: str) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in sorted(folder.glob(pattern)) if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(folder).parts)
                and p.name not in NOT_COMPARED}
    return {"posts": files(base / "content" / "posts", "*.md"),
            "pages": files(base / "output", "**/*")}


class Archive:
    """A site under tmp_path/site and clean builds of the same raw files to compare with."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.site = root / "site"
        self.raw = self.site / "content" / "raw"
        generate(6, self.raw, seed=7)
        self._clean: dict[tuple[str, ...], dict] = {}

    def raws(self) -> list[Path]:
        return sorted(self.raw.glob("*.txt"))

    def clean(self) -> dict[str, dict[str, bytes]]:
        """A clean build of the raw files the site has now (built once per set of files)."""
        key = tuple(p.name for p in self.raws())
        if key not in self._clean:
            base = self.root / f"clean{len(self._clean)}"
            shutil.copytree(self.raw, base / "content" / "raw")
            build(base)
            self._clean[key] = tree(base)
        return self._clean[key]

    def assert_matches_clean(self) -> None:
        got, want = tree(self.site), self.clean()
        assert sorted(got["posts"]) == sorted(want["posts"])
        assert sorted(got["pages"]) == sorted(want["pages"])
        assert got == want


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path)


def _flat(text: str) -> str:
    return "".join(text.split())


def test_damaged_state_and_cache_files_are_set_aside_and_the_build_goes_on(archive) -> None:
    site = archive.site
    build(site)
    posts, cache = site / "content" / "posts", site / "cache"
    render_state = next(cache.glob("fast_rebuilds_incremental-*.json"))
    # Round 1: binary ingest state, random cache key, render state and summaries of the
    # wrong shape.
    damaged = {posts / ".ingest-state.json": b"\x89PNG\r\n\x1a\n\x00\xff binary",
               cache / "fast_rebuilds_cache_key": os.urandom(40) + b"\xff",
               render_state: b"[1, 2, 3]",
               cache / "fast_rebuilds_summaries.json": b"null"}
    for path, data in damaged.items():
        path.write_bytes(data)
    log = build(site)
    for path, data in damaged.items():
        assert _flat(str(path)) in _flat(log), f"no warning names {path.name}"
        assert path.with_name(path.name + ".damaged").read_bytes() == data
    archive.assert_matches_clean()
    # Round 2: an ingest state entry that is a string, an empty and a truncated pickle (what
    # a full disk left behind).
    state = json.loads((posts / ".ingest-state.json").read_text())
    first = sorted(state["files"])[0]
    state["files"][first] = "not an entry"
    (posts / ".ingest-state.json").write_text(json.dumps(state))
    articles, pages = cache / "ArticlesGenerator-Readers", cache / "PagesGenerator-Readers"
    articles.write_bytes(b"")
    pages.write_bytes(pages.read_bytes()[:-3])
    log = build(site)
    for path in (posts / ".ingest-state.json", articles, pages):
        assert _flat(str(path)) in _flat(log), f"no warning names {path.name}"
    assert "EOFError" not in log
    archive.assert_matches_clean()


def test_a_deleted_article_is_removed_after_losing_the_cache_or_ignoring_it(archive) -> None:
    site = archive.site
    build(site)
    archive.raws()[0].unlink()
    shutil.rmtree(site / "cache")
    build(site)
    archive.assert_matches_clean()
    archive.raws()[0].unlink()
    build(site, "--ignore-cache")
    archive.assert_matches_clean()


def _indexed_pages(output: Path) -> list[str]:
    """The pages the search index holds (its record of every shard)."""
    record = json.loads((output / "pagefind" / "news-archive-shards.json").read_text())
    return sorted(rel for shard in record["shards"].values() for rel in shard["pages"])


def test_search_index_after_a_deletion_and_a_lost_cache_holds_the_clean_build_pages(
        archive) -> None:
    site = archive.site
    build(site, SEARCH_ENABLED=True)
    gone = len(_indexed_pages(site / "output"))
    archive.raws()[0].unlink()
    shutil.rmtree(site / "cache")
    build(site, SEARCH_ENABLED=True)
    clean = archive.root / "clean-search"
    shutil.copytree(archive.raw, clean / "content" / "raw")
    build(clean, SEARCH_ENABLED=True)
    indexed = _indexed_pages(site / "output")
    assert indexed == _indexed_pages(clean / "output")
    assert len(indexed) == gone - 1 == len(list((clean / "content" / "posts").glob("*.md")))


def _kill_when(proc: subprocess.Popen, ready, limit: float = 300) -> None:
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            break
        time.sleep(0.02)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.mark.parametrize("stage", ["ingest", "render"])
def test_a_killed_build_is_followed_by_a_build_matching_a_clean_one(archive, stage) -> None:
    site = archive.site
    build(site)
    archive.raws()[0].unlink()  # the next build has a page to remove
    (archive.raw / "000099_extra.txt").write_bytes(archive.raws()[1].read_bytes()
                                                   .replace(b"\n\n", b"\n\nUpdated.\n\n", 1))
    posts, out = site / "content" / "posts", site / "output"
    before = {p.name for p in posts.glob("*.md")}
    mark = max(p.stat().st_mtime_ns for p in out.glob("*.html"))

    def rendering() -> bool:
        return any(p.stat().st_mtime_ns > mark for p in out.glob("*.html"))

    ready = {"ingest": lambda: {p.name for p in posts.glob("*.md")} != before,
             "render": rendering}[stage]
    proc = subprocess.Popen(pelican_cmd(site), cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _kill_when(proc, ready)
    build(site)
    archive.assert_matches_clean()


def test_a_second_build_waits_for_the_first(archive) -> None:
    site = archive.site
    lock_path = site / "content" / "posts" / ".build.lock"
    lock_path.parent.mkdir(parents=True)
    log_file = archive.root / "second.log"
    with open(lock_path, "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a first build is running
        with open(log_file, "w") as log:
            proc = subprocess.Popen(pelican_cmd(site), cwd=ROOT, stdout=log, stderr=log)
        deadline = time.monotonic() + 300
        while "another build" not in log_file.read_text() and time.monotonic() < deadline:
            assert proc.poll() is None, log_file.read_text()[-3000:]
            time.sleep(0.1)
        assert "another build of this site is running" in _join(log_file.read_text())
        assert proc.poll() is None and not (site / "output" / "index.html").exists()
        busy = subprocess.run(
            [sys.executable, "-m", "news_archive.cli", "ingest", "--raw", str(archive.raw),
             "--posts", str(lock_path.parent), "--wait", "0.3"],
            capture_output=True, text=True, cwd=ROOT, timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
        assert busy.returncode == 75 and "another build of this site" in busy.stderr
        assert "Traceback" not in busy.stderr
    assert proc.wait(timeout=600) == 0, log_file.read_text()[-3000:]
    archive.assert_matches_clean()


def test_two_builds_started_together_give_the_clean_result(archive) -> None:
    site = archive.site
    procs = [subprocess.Popen(pelican_cmd(site), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    logs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], logs
    archive.assert_matches_clean()


def _join(text: str) -> str:
    return " ".join(text.split())


def test_autoreload_picks_up_changes_made_during_a_build(archive, tmp_path) -> None:
    site = archive.site
    plugin = tmp_path / "extra_plugins"
    (plugin / "mutator").mkdir(parents=True)
    (plugin / "mutator" / "__init__.py").write_text(MUTATOR)
    deleted = archive.raws()[0]
    env = {**os.environ, "MUTATE_MARKER": str(tmp_path / "mutated"),
           "MUTATE_RAW": str(archive.raw)}
    plugins = ["news_archive", "fast_rebuilds", "pelican.plugins.sitemap", "mutator"]
    cmd = pelican_cmd(site, "--autoreload", plugin_paths=[str(plugin)], PLUGINS=plugins)
    log_file = tmp_path / "autoreload.log"
    with open(log_file, "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=log, env=env,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        done = False
        while time.monotonic() < deadline and proc.poll() is None:
            posts = site / "content" / "posts"
            raw_paths = {p.read_text(errors="replace").split("Raw-Path: ", 1)[-1].split("\n")[0]
                         for p in posts.glob("*.md")} if posts.is_dir() else set()
            pages = [p for p in (site / "output").glob("*.html")
                     if "Zanzibarmarker" in p.read_text(errors="replace")]
            if (tmp_path / "mutated").exists() and deleted.name not in raw_paths and pages:
                done = True
                break
            time.sleep(0.5)
        assert done, "changes made during the build were not built: " + log_file.read_text()[-3000:]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)

"""The search index follows the change: shards by date, only changed shards re-indexed, new
articles findable after an incremental rebuild, deleted ones gone, pages left on disk by a
deleted article never indexed, and an incremental index holding what a full build's holds."""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path

import pytest
from _synthetic import SMALL, build_site, write_post, write_small
from news_archive.site.pagefind_service import PagefindError
from news_archive.site.search_shards import (
    _complete_shards,
    assign_shards,
    page_url,
    search_fingerprint,
    search_view,
    shard_damage,
)

NEW = dict(name="ferry-strike", title="Ferry Crews Strike Over Pay", date="2022-11-20",
           slug="ferry-strike", countries=["FR"], orgs=[], persons=[], source="AFP",
           url="https://example.com/ferry", summary="Crossings halted.",
           body="Ferry crews walked out over pay, stranding lorries at the quayside.\n\n"
                "The union said the gondolier-style protest would last a week.")


def _index(output: Path) -> dict[str, dict]:
    """Page URL -> what Pagefind stored for it (content, filters, meta), over every shard."""
    out = {}
    for f in output.glob("pagefind/shards/*/fragment/*"):
        data = gzip.decompress(f.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        out[record["url"]] = {k: record[k] for k in ("content", "filters", "meta")}
    return out


def _entries(output: Path) -> dict[str, int]:
    """Shard name -> page count from its pagefind-entry.json."""
    out = {}
    for shard in (output / "pagefind" / "shards").iterdir():
        entry = json.loads((shard / "pagefind-entry.json").read_text())
        out[shard.name] = sum(lang["page_count"] for lang in entry["languages"].values())
    return out


def _last_run(cache: Path) -> dict:
    return json.loads((cache / "news_archive_search.json").read_text())


def _build(work: Path, **settings) -> None:
    proc = build_site(work / "content", work / "site", CACHE_PATH=str(work / "cache"),
                      SEARCH_SHARD_SIZE=2, **settings)
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_shards_split_by_year_quarter_month_and_do_not_depend_on_order() -> None:
    pages = {"a.html": (2021, 1), "b.html": (2021, 2), "c.html": (2021, 8),
             "d.html": (2022, 5), "e.html": (2021, 8)}
    assert set(assign_shards(pages, 10).values()) == {"all"}
    by_year = assign_shards(pages, 4)
    assert by_year["d.html"] == "2022" and by_year["a.html"] == "2021"
    split = assign_shards(pages, 2)
    assert split["a.html"] == split["b.html"] == "2021-q1"
    assert split["c.html"] == split["e.html"] == "2021-q3"
    assert split["d.html"] == "2022"
    months = assign_shards(pages, 1)
    assert months["a.html"] == "2021-01" and months["c.html"] == months["e.html"] == "2021-08"
    assert assign_shards(dict(reversed(list(pages.items()))), 2) == split
    # The newest year is split already at a quarter of the size: new articles land there.
    grown = {**pages, **{f"n{i}.html": (2022, 1 + i % 12) for i in range(6)}}
    shards = assign_shards(grown, 8)
    assert shards["a.html"] == "2021"
    assert shards["n0.html"] == "2022-q1"  # an older quarter of the newest year: size 8
    assert shards["d.html"] == "2022-05" and shards["n5.html"] == "2022-06"  # newest: size 2
    assert page_url("x.html") == "/x.html" and page_url("a/index.html") == "/a/"


PAGE = """<html><head><meta data-pagefind-filter="country[content]" content="France">
</head><body><nav>Home</nav><article><h1 data-pagefind-body>Ferry strike</h1>
<div class="article-body" data-pagefind-body><div><p>Crews walked out.</p></div></div>
<section class="more-on"><a href="a.html">Older story</a></section></article></body></html>"""


def test_search_fingerprint_follows_what_pagefind_reads_only() -> None:
    base = search_fingerprint(PAGE)
    # Related links, navigation: not indexed, so no re-index when they change.
    assert search_fingerprint(PAGE.replace("Older story", "Newer story")) == base
    assert search_fingerprint(PAGE.replace("<nav>Home", "<nav>Start")) == base
    # The headline, the body (nested elements too) and the facets are.
    assert search_fingerprint(PAGE.replace("Ferry strike", "Ferry strikes")) != base
    assert search_fingerprint(PAGE.replace("walked out", "stayed out")) != base
    assert search_fingerprint(PAGE.replace('content="France"', 'content="Spain"')) != base


@pytest.mark.slow
def test_index_follows_additions_deletions_and_stale_pages(tmp_path: Path) -> None:
    work = tmp_path
    posts = work / "content" / "posts"
    write_small(posts)
    _build(work)
    site, cache = work / "site", work / "cache"
    first = _last_run(cache)
    assert first["pages"] == len(SMALL) and len(first["reindexed"]) == len(SMALL)
    assert set(_entries(site)) == {"2021", "2022", "2023"}
    bundles = {p: p.stat().st_mtime_ns for p in site.glob("pagefind/shards/*/**/*")}

    # No change: no shard is re-indexed, no bundle file touched.
    _build(work)
    assert _last_run(cache)["reindexed"] == []
    assert {p: p.stat().st_mtime_ns for p in site.glob("pagefind/shards/*/**/*")} == bundles

    # A new article: only its year's shard is re-indexed, and it is found.
    write_post(posts, **NEW)
    _build(work)
    run = _last_run(cache)
    assert run["reindexed"] == ["2022"] and run["pages_indexed"] == 2
    index = _index(site)
    assert "gondolier" in index["/ferry-strike.html"]["content"]
    assert index["/ferry-strike.html"]["filters"]["country"] == ["France"]
    assert _entries(site) == {"2021": 1, "2022": 2, "2023": 1}

    # A deleted article is gone from the index ...
    (posts / "tajik-appeal.md").unlink()
    _build(work)
    assert _last_run(cache)["removed"] == ["2021"]
    assert "/tajik-appeal.html" not in _index(site)
    assert not (site / "pagefind" / "shards" / "2021").exists()
    assert "2021" not in (site / "pagefind" / "shards.js").read_text()

    # ... also when the build lost its cache and left the deleted article's page on disk.
    shutil.rmtree(cache)
    (posts / "kyiv-grain.md").unlink()
    _build(work)
    assert "/kyiv-grain.html" not in _index(site)
    assert set(_index(site)) == {"/afghan-drought.html", "/ferry-strike.html"}


@pytest.mark.slow
def test_incremental_index_holds_what_a_full_build_holds(tmp_path: Path) -> None:
    inc = tmp_path / "inc"
    write_small(inc / "content" / "posts")
    _build(inc)
    write_post(inc / "content" / "posts", **NEW)
    (inc / "content" / "posts" / "kyiv-grain.md").unlink()
    _build(inc)

    full = tmp_path / "full"
    shutil.copytree(inc / "content", full / "content")
    _build(full)
    assert _index(inc / "site") == _index(full / "site")
    assert _entries(inc / "site") == _entries(full / "site")
    assert ((inc / "site" / "pagefind" / "shards.js").read_bytes()
            == (full / "site" / "pagefind" / "shards.js").read_bytes())
    # Every other file byte for byte (Pagefind's own files name their chunks by hashes it
    # computes in no fixed order, so they are compared by content above).
    assert _site_files(inc / "site") == _site_files(full / "site")
    assert _page_hashes(inc / "site") == _page_hashes(full / "site")


def _site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and "pagefind" not in p.relative_to(site).parts
            and p.name != ".fast_rebuilds-written.tsv"}


def _page_hashes(site: Path) -> dict[str, dict[str, str]]:
    """Shard -> page -> hash of its bytes, from the index's record."""
    data = json.loads((site / "pagefind" / "news-archive-shards.json").read_text())
    return {name: {rel: stamp[0] for rel, stamp in shard["pages"].items()}
            for name, shard in data["shards"].items()}


def test_search_view_keeps_only_the_marked_elements() -> None:
    view = search_view(PAGE)
    assert "Older story" not in view and "<nav>" not in view
    assert 'content="France"' in view and "Crews walked out." in view and "Ferry strike" in view
    assert search_view("<html><body>no marks</body></html>") == "<html><body>no marks</body></html>"


@pytest.mark.slow
def test_pagefind_indexes_the_search_view_as_the_whole_page(tmp_path: Path) -> None:
    """The index built from each page's search view holds what one built from the whole pages
    holds (every page's content, filters, metadata and the word index), on the theme's pages."""
    from news_archive.settings import DEFAULTS
    from news_archive.site.pagefind_service import PagefindService, executable
    from news_archive.site.search import pagefind_config

    exe = executable()
    if exe is None:
        pytest.skip("no Pagefind binary (install the `search` extra)")
    write_small(tmp_path / "content" / "posts")
    write_post(tmp_path / "content" / "posts", **NEW)
    _build(tmp_path)
    site = tmp_path / "site"
    pages = sorted(p for p in site.glob("*.html") if "data-pagefind-body" in p.read_text())
    assert len(pages) == len(SMALL) + 1
    config = pagefind_config({**DEFAULTS, "DEFAULT_LANG": "en"})
    for kind, view in (("whole", lambda html: html), ("view", search_view)):
        with PagefindService(exe) as pf:
            index_id = pf.new_index(config)
            pf.add_html(index_id, [(page_url(p.name), view(p.read_text())) for p in pages])
            pf.write_files(index_id, (tmp_path / kind / "pagefind" / "shards" / "all").resolve())
    whole, viewed = _index(tmp_path / "whole"), _index(tmp_path / "view")
    assert set(whole) == {page_url(p.name) for p in pages}
    assert viewed == whole
    words = {kind: {f.name: gzip.decompress(f.read_bytes()) for f in
                    (tmp_path / kind).glob("pagefind/shards/all/index/*.pf_index")}
             for kind in ("whole", "view")}
    assert words["whole"] and words["view"] == words["whole"]


def _write_shard(folder: Path, cut: str = "") -> None:
    """A shard laid out as Pagefind writes one; `cut`: the file to leave cut short."""
    (folder / "fragment").mkdir(parents=True)
    files = {
        "pagefind-entry.json": json.dumps({"version": "1.5.2", "languages": {}}).encode(),
        "pagefind.js": b"// pagefind " + b"x" * 9000,
        "fragment/en_1.pf_fragment": gzip.compress(b"pagefind_dcd" + random.randbytes(9000)),
    }
    for rel, data in files.items():  # a cut write stops at the last 4 KiB boundary it reached
        (folder / rel).write_bytes(data[: len(data) // 4096 * 4096] if rel == cut else data)


@pytest.mark.parametrize("cut", ["pagefind-entry.json", "pagefind.js",
                                 "fragment/en_1.pf_fragment"])
def test_a_shard_pagefind_left_cut_is_found(tmp_path: Path, cut: str) -> None:
    """Pagefind 1.5.2 can stop with a file cut at a 4 KiB boundary (its issue #1271)."""
    whole, damaged = tmp_path / "whole", tmp_path / "damaged"
    _write_shard(whole)
    _write_shard(damaged, cut)
    assert shard_damage(whole) is None
    assert cut.split("/")[-1] in (shard_damage(damaged) or "")


def test_a_cut_shard_is_indexed_again_and_one_that_stays_cut_is_an_error(tmp_path) -> None:
    writes: list[list[str]] = []

    def index_cut_once(names: list[str]) -> int:
        for name in names:
            _write_shard(tmp_path / name, "pagefind.js" if not writes else "")
        writes.append(names)
        return len(names)

    index_cut_once(["2021"])
    _complete_shards(tmp_path, ["2021"], index_cut_once)
    assert writes == [["2021"], ["2021"]] and shard_damage(tmp_path / "2021") is None

    def index_always_cut(names: list[str]) -> int:
        for name in names:
            shutil.rmtree(tmp_path / name, ignore_errors=True)
            _write_shard(tmp_path / name, "pagefind.js")
        return len(names)

    index_always_cut(["2022"])
    with pytest.raises(PagefindError, match="2022 is incomplete"):
        _complete_shards(tmp_path, ["2022"], index_always_cut)

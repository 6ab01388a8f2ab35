"""Ingest writes posts while the pool works; results match a run that writes at the end."""

from __future__ import annotations

from pathlib import Path

from news_archive import posts
from news_archive.ingest import ingest
from rawtexts import distinct_paragraphs, raw_dump


def _near_copy(text: str) -> str:
    """The same article saved from another site (other chrome around it)."""
    other = text.replace("© 2022 Valley Courier. All rights reserved.",
                         "Copyright Mountain Post 2022").replace("Sport", "Culture")
    return "Cookie settings: we use cookies. Accept all\n\n" + other


def _archive(raw: Path, n: int) -> None:
    """n distinct stories, an identical copy of one and near-duplicates of two."""
    raw.mkdir()
    for i in range(n):
        (raw / f"story_{i:02d}.txt").write_text(
            raw_dump(f"Story {i} Shakes Up The Valley", distinct_paragraphs(i)))
    (raw / "zz_copy.txt").write_bytes((raw / "story_03.txt").read_bytes())
    (raw / "zz_near_05.txt").write_text(_near_copy((raw / "story_05.txt").read_text()))
    (raw / "story_07b.txt").write_text(_near_copy((raw / "story_07.txt").read_text()))


def _posts(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_near_duplicate_found_later_in_the_run_is_added_to_the_written_post(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    (raw / "b.txt").write_text(_near_copy(raw_dump("Reservoir Falls To Decade Low")))
    report = ingest(raw, out, workers=1)
    assert report.duplicates == [("b.txt", "a.txt")]
    assert report.posts_written == ["reservoir-falls-to-decade-low.md"]
    meta = posts.read_header(out / "reservoir-falls-to-decade-low.md")
    assert meta["alternates"] == "b.txt"
    assert not posts.is_hand_edited(out / "reservoir-falls-to-decade-low.md")
    assert sorted(p.name for p in out.glob("*.tmp")) == []


def test_pool_and_one_process_write_the_same_posts_and_report(tmp_path):
    raw = tmp_path / "raw"
    _archive(raw, 24)  # enough files for the process pool
    one, pool = tmp_path / "one", tmp_path / "pool"
    r1 = ingest(raw, one, workers=1)
    r2 = ingest(raw, pool, workers=2)
    assert r1.as_json() == r2.as_json()
    assert _posts(one) == _posts(pool)
    assert ("zz_copy.txt", "story_03.txt") in r1.duplicates
    assert ("zz_near_05.txt", "story_05.txt") in r1.duplicates
    assert ("story_07b.txt", "story_07.txt") in r1.duplicates
    assert r1.posts_written == sorted(r1.posts_written, key=lambda name: _raw_path(one, name))


def test_posts_gaining_a_near_duplicate_later_are_reported_in_raw_path_order(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "posts"
    _archive(raw, 22)
    ingest(raw, out, workers=2)
    (raw / "story_00b.txt").write_text(_near_copy((raw / "story_00.txt").read_text()))
    (raw / "story_11.txt").write_text(raw_dump("Story 11 Changes", distinct_paragraphs(40)))
    report = ingest(raw, out, workers=2)
    assert ("story_00b.txt", "story_00.txt") in report.duplicates
    assert [_raw_path(out, n) for n in report.posts_written] == ["story_00.txt", "story_11.txt"]
    meta = posts.read_header(out / report.posts_written[0])
    assert meta["alternates"] == "story_00b.txt"


def _raw_path(out: Path, name: str) -> str:
    return posts.read_header(out / name)["raw-path"]

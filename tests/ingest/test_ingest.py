"""Ingest: raw folder -> posts folder, idempotent, never clobbering a person's edits."""

from __future__ import annotations

import logging

from news_archive import posts
from news_archive.ingest import STATE_NAME, ingest
from rawtexts import PARAGRAPHS, distinct_paragraphs, raw_dump


def run(raw, out):
    return ingest(raw, out, workers=1)


def post_files(out):
    return sorted(p.name for p in out.glob("*.md"))


def test_two_files_with_the_same_headline_get_unique_slugs(dirs):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    (raw / "b.txt").write_text(raw_dump("Reservoir Falls To Decade Low", distinct_paragraphs(1)))
    report = run(raw, out)
    assert len(report.posts_written) == 2
    slugs = {posts.read_header(p)["slug"] for p in out.glob("*.md")}
    assert len(slugs) == 2
    assert "reservoir-falls-to-decade-low" in slugs


def test_second_run_writes_nothing_and_a_changed_file_updates_its_post(dirs):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    run(raw, out)
    post = out / "reservoir-falls-to-decade-low.md"
    before = post.stat().st_mtime_ns
    again = run(raw, out)
    assert again.posts_written == [] and again.processed == 0 and again.unchanged == 1
    assert post.stat().st_mtime_ns == before
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low", PARAGRAPHS[:3]))
    changed = run(raw, out)
    assert changed.posts_written == [post.name]
    assert PARAGRAPHS[3][:40] not in post.read_text()


def test_hand_edited_post_is_never_overwritten_nor_deleted(dirs, caplog):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    run(raw, out)
    post = out / "reservoir-falls-to-decade-low.md"
    edited = post.read_text().replace("Title: Reservoir", "Title: Corrected: Reservoir", 1)
    assert edited != post.read_text()
    post.write_text(edited)
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low", PARAGRAPHS[:2]))
    with caplog.at_level(logging.WARNING, logger="news_archive"):
        report = run(raw, out)
    assert post.read_text() == edited
    assert report.kept_edits == [post.name]
    assert any("edited by hand" in r.getMessage() and "a.txt" in r.getMessage()
               for r in caplog.records)
    (raw / "a.txt").unlink()
    run(raw, out)
    assert post.read_text() == edited


def test_deleting_a_raw_file_removes_its_unedited_post(dirs):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    run(raw, out)
    (raw / "a.txt").unlink()
    report = run(raw, out)
    assert report.removed == ["reservoir-falls-to-decade-low.md"]
    assert post_files(out) == []


def test_hand_written_post_is_left_alone(dirs):
    raw, out = dirs
    out.mkdir()
    mine = out / "my-note.md"
    mine.write_text("Title: My note\nDate: 2020-01-01\n\nWritten by a person.\n")
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    run(raw, out)
    run(raw, out)
    assert mine.read_text() == "Title: My note\nDate: 2020-01-01\n\nWritten by a person.\n"


def test_identical_raw_files_make_one_post_listing_the_copies(dirs):
    raw, out = dirs
    text = raw_dump("Reservoir Falls To Decade Low")
    (raw / "a.txt").write_text(text)
    (raw / "copy.txt").write_text(text)
    report = run(raw, out)
    assert post_files(out) == ["reservoir-falls-to-decade-low.md"]
    assert report.duplicates == [("copy.txt", "a.txt")]
    meta = posts.read_header(out / "reservoir-falls-to-decade-low.md")
    assert meta["alternates"] == "copy.txt"


def test_near_duplicate_with_other_chrome_is_published_once(dirs):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    run(raw, out)
    other = raw_dump("Reservoir falls to decade low", lead="").replace(
        "© 2022 Valley Courier. All rights reserved.", "Copyright Mountain Post 2022")
    other = "Cookie settings: we use cookies. Accept all\n\n" + other.replace("Sport", "Culture")
    (raw / "b.txt").write_text(other)
    report = run(raw, out)
    assert report.duplicates == [("b.txt", "a.txt")]
    assert post_files(out) == ["reservoir-falls-to-decade-low.md"]
    assert posts.read_header(out / "reservoir-falls-to-decade-low.md")["alternates"] == "b.txt"
    again = run(raw, out)  # remembered: nothing reprocessed, nothing written
    assert again.processed == 0 and again.posts_written == []
    assert again.duplicates == [("b.txt", "a.txt")]
    assert (out / STATE_NAME).is_file()


def test_dates_raw_file_wins_then_manifest_then_file_time(dirs, caplog):
    raw, out = dirs
    (raw / "dated.txt").write_text(raw_dump("Dated Story About The Reservoir",
                                            dateline="Published March 3, 2022"))
    (raw / "listed.txt").write_text(raw_dump("Listed Story About The Reservoir",
                                             distinct_paragraphs(2)))
    (raw / "undated.txt").write_text(raw_dump("Undated Story About The Reservoir",
                                              distinct_paragraphs(3)))
    (raw / "manifest.csv").write_text(
        "path,url,published,source,title\n"
        "listed.txt,https://example.org/listed,2020-05-06,Example Outlet,\n"
        "dated.txt,,1999-01-01,,\n")
    with caplog.at_level(logging.WARNING, logger="news_archive"):
        run(raw, out)
    dated = posts.read_header(out / "dated-story-about-the-reservoir.md")
    listed = posts.read_header(out / "listed-story-about-the-reservoir.md")
    undated = posts.read_header(out / "undated-story-about-the-reservoir.md")
    assert dated["date"].startswith("2022-03-03")
    assert listed["date"] == "2020-05-06" and listed["date-source"] == "manifest"
    assert listed["original-url"] == "https://example.org/listed"
    assert undated["date-source"] == "file-mtime"
    assert any("undated.txt" in r.getMessage() and "modification time" in r.getMessage()
               for r in caplog.records)


def test_editing_the_manifest_updates_the_post(dirs):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    (raw / "manifest.csv").write_text("path,published\na.txt,2020-01-02\n")
    run(raw, out)
    post = out / "reservoir-falls-to-decade-low.md"
    assert posts.read_header(post)["date"] == "2020-01-02"
    (raw / "manifest.csv").write_text("path,published\na.txt,2020-03-04\n")
    report = run(raw, out)
    assert report.posts_written == [post.name]
    assert posts.read_header(post)["date"] == "2020-03-04"


def test_unchanged_files_are_not_read_again(dirs, monkeypatch):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    run(raw, out)
    import news_archive.ingest.pipeline as pipeline

    def refuse(path):
        raise AssertionError(f"{path} was read although its size and mtime did not change")

    monkeypatch.setattr(pipeline, "read_raw_bytes", refuse)
    report = run(raw, out)
    assert report.unchanged == 1 and report.posts_written == []

"""The folder scan every build runs: raw files listed without a stat each, post headers
remembered between runs and read again when a post changes."""

from __future__ import annotations

import os
from pathlib import Path

from news_archive.ingest.report import Report
from news_archive.ingest.scan import HEADERS_NAME, list_raw_files, load_existing_posts


def _post(path: Path, title: str) -> None:
    path.write_text(f"Title: {title}\nDate: 2021-01-01\n\nBody.\n", encoding="utf-8")


def test_raw_files_listed_sorted_with_subfolders_and_odd_entries_reported(tmp_path) -> None:
    raw = tmp_path / "raw"
    (raw / "b").mkdir(parents=True)
    (raw / "a.txt").write_text("x")
    (raw / "b" / "c.json").write_text("{}")
    (raw / "b" / "notes.docx").write_text("x")
    (raw / ".hidden.txt").write_text("x")
    (raw / "manifest.csv").write_text("path\n")
    (raw / "z.html").write_text("x")
    report = Report()
    assert list_raw_files(raw, report) == ["a.txt", "z.html", "b/c.json"]
    assert [rel for rel, _ in report.skipped] == ["b/notes.docx"]
    assert report.files_seen == 4


def test_post_headers_remembered_and_read_again_when_a_post_changes(tmp_path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    _post(posts / "a.md", "First")
    _post(posts / "b.md", "Second")
    assert [p.meta["title"] for p in load_existing_posts(posts)] == ["First", "Second"]
    assert (posts / HEADERS_NAME).is_file()

    # A remembered header is used without reading the post ...
    memo = (posts / HEADERS_NAME).read_text(encoding="utf-8")
    (posts / HEADERS_NAME).write_text(memo.replace('"First"', '"Remembered"'), encoding="utf-8")
    assert load_existing_posts(posts)[0].meta["title"] == "Remembered"
    # ... until the post changes (an edit: new size and mtime).
    _post(posts / "a.md", "Edited by hand")
    st = (posts / "a.md").stat()
    os.utime(posts / "a.md", ns=(st.st_atime_ns, st.st_mtime_ns + 1000))
    assert load_existing_posts(posts)[0].meta["title"] == "Edited by hand"
    # A damaged memo is ignored; a deleted post is forgotten.
    (posts / HEADERS_NAME).write_bytes(b"\xff\x00 not json")
    (posts / "b.md").unlink()
    assert [p.meta["title"] for p in load_existing_posts(posts)] == ["Edited by hand"]
    assert '"b.md"' not in (posts / HEADERS_NAME).read_text(encoding="utf-8")

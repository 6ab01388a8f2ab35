"""Ingest survives damaged state, full disks, renames and one-line files; slugs are permanent."""

from __future__ import annotations

import errno
import json
import logging
import os

import pytest
import safe_state as safe_files
from news_archive import cli, posts
from news_archive.ingest import STATE_NAME, ingest
from news_archive.ingest.state import load_state
from rawtexts import PARAGRAPHS, distinct_paragraphs, raw_dump


def run(raw, out):
    return ingest(raw, out, workers=1)


def slugs(out) -> dict[str, str]:
    """raw path -> slug of its post."""
    return {posts.read_header(p)["raw-path"]: posts.read_header(p)["slug"]
            for p in out.glob("*.md")}


DAMAGE = {
    "binary": b"\x80\x81\xfe\xff\x00{garbage",
    "null": b"null",
    "list": b"[1, 2, 3]",
    "entry_is_string": None,  # filled from a real state below
    "files_is_list": None,
    "truncated": None,
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_ingest_state_is_set_aside_and_ingest_goes_on(dirs, kind, caplog):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    (raw / "b.txt").write_text(raw_dump("Council Approves New Budget", distinct_paragraphs(2)))
    run(raw, out)
    state_file = out / STATE_NAME
    good = json.loads(state_file.read_text())
    before = {p.name: p.read_bytes() for p in out.glob("*.md")}
    damaged = DAMAGE[kind]
    if kind == "entry_is_string":
        good["files"]["a.txt"] = "oops"
        damaged = json.dumps(good).encode()
    elif kind == "files_is_list":
        good["files"] = ["a.txt"]
        damaged = json.dumps(good).encode()
    elif kind == "truncated":
        damaged = state_file.read_bytes()[: len(state_file.read_bytes()) // 2]
    state_file.write_bytes(damaged)
    with caplog.at_level(logging.WARNING, logger="news_archive"):
        report = run(raw, out)
    assert str(state_file) in caplog.text and "damaged" in caplog.text
    assert (out / (STATE_NAME + ".damaged")).read_bytes() == damaged
    assert report.skipped == []
    assert {p.name: p.read_bytes() for p in out.glob("*.md")} == before
    assert load_state(out)["a.txt"]["sha"]  # a good state written again


def test_a_full_disk_while_saving_state_keeps_the_old_state(dirs, monkeypatch, caplog):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    run(raw, out)
    old = (out / STATE_NAME).read_bytes()
    (raw / "b.txt").write_text(raw_dump("Council Approves New Budget", distinct_paragraphs(2)))

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with caplog.at_level(logging.WARNING, logger="news_archive"):
        run(raw, out)
    assert "could not save the ingest state" in caplog.text
    assert (out / STATE_NAME).read_bytes() == old  # never a truncated file
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_cli_full_posts_disk_is_one_clear_line(dirs, monkeypatch, capsys):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    real = safe_files.atomic_write_bytes

    def full(path, data, durable=True):
        if path.suffix == ".md":  # the disk fills while the post is written
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data, durable)

    monkeypatch.setattr(safe_files, "atomic_write_bytes", full)
    status = cli.main(["ingest", "--raw", str(raw), "--posts", str(out), "--workers", "1"])
    err = capsys.readouterr().err.strip()
    assert status == 1
    assert err.count("\n") == 0 and "No space left on device" in err and "Traceback" not in err
    assert [p for p in out.iterdir() if p.suffix in (".md", ".tmp")] == []


def test_renamed_or_moved_raw_file_keeps_its_slug(dirs):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    (raw / "b.txt").write_text(raw_dump("Council Approves New Budget", distinct_paragraphs(2)))
    run(raw, out)
    before = slugs(out)
    (raw / "2024").mkdir()
    os.rename(raw / "a.txt", raw / "2024" / "renamed.txt")
    report = run(raw, out)
    after = slugs(out)
    assert after == {"2024/renamed.txt": before["a.txt"], "b.txt": before["b.txt"]}
    assert report.removed == []


def test_renamed_and_edited_raw_file_keeps_its_slug(dirs):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low", PARAGRAPHS[:4]))
    run(raw, out)
    old_slug = slugs(out)["a.txt"]
    (raw / "a.txt").unlink()
    edited = PARAGRAPHS[:4]
    edited[-1] = edited[-1] + " A correction was added."
    (raw / "moved.txt").write_text(raw_dump("Reservoir Falls To Decade Low", edited))
    run(raw, out)
    assert slugs(out) == {"moved.txt": old_slug}


def test_a_slug_once_given_is_not_given_to_another_article(dirs):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low", PARAGRAPHS[:3]))
    run(raw, out)
    first = slugs(out)["a.txt"]
    (raw / "a.txt").unlink()
    run(raw, out)
    assert slugs(out) == {}
    (raw / "later.txt").write_text(raw_dump("Reservoir Falls To Decade Low",
                                            distinct_paragraphs(3)))
    run(raw, out)
    assert slugs(out)["later.txt"] != first


def test_one_line_files_are_not_articles_and_warnings_are_capped(dirs, caplog):
    raw, out = dirs
    n = 80
    for i in range(n):
        (raw / f"line{i:03}.txt").write_text(f"Officials met again on day {i} to talk about it\n")
    with caplog.at_level(logging.WARNING, logger="news_archive"):
        report = run(raw, out)
    assert list(out.glob("*.md")) == []
    assert len(report.skipped) == n
    assert all(reason == "a single line of text, not an article" for _, reason in report.skipped)
    assert len(caplog.records) < 10  # the first few, then one line pointing to the report



def test_temporary_files_of_a_killed_run_are_removed(dirs):
    raw, out = dirs
    (raw / "a.txt").write_text(raw_dump("Reservoir Falls To Decade Low"))
    out.mkdir()
    old = out / ".reservoir-falls-to-decade-low.md.abc123.tmp"
    fresh = out / ".other.md.def456.tmp"  # perhaps another writer at work: left alone
    old.write_text("half a post")
    fresh.write_text("half a post")
    os.utime(old, (1, 1))
    run(raw, out)
    assert not old.exists() and fresh.exists()

"""Bad raw input: a clear one-line message naming the file, nothing lost, the build goes on."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest
from news_archive.ingest import ingest
from rawtexts import distinct_paragraphs, raw_dump

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(300)


def good(title: str, n: int) -> str:
    return raw_dump(title, distinct_paragraphs(n))


def bad_corpus(raw: Path) -> dict[str, str]:
    """Write the hostile corpus; returns {file name: a word its skip reason must contain}."""
    rnd = random.Random(7)
    files: dict[str, bytes | str] = {
        "empty.txt": b"",
        "blank.txt": "   \n\n\t  \n",
        "image.txt": PNG,
        "document.html": PDF,
        "noise.txt": bytes(rnd.randrange(256) for _ in range(4000)),
        "nul.txt": b"Some words\x00 and a NUL byte\x00" * 20,
        "truncated.html": "<html><head><title>Cut",
        "no-article.html": "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "broken.json": '{"title": "Broken", "maintext": "text...',
        "weird-shape.json": json.dumps({"foo": 1, "bar": [2]}),
        "broken.html.gz": b"\x1f\x8b\x08\x00garbage",
    }
    for name, data in files.items():
        (raw / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    with open(raw / "huge.txt", "wb") as f:  # 50 MB + 1 byte, sparse where possible
        f.truncate(50 * 1024 * 1024 + 1)
    outside = raw.parent / "outside-secret.txt"
    outside.write_text(good("Outside Secret Should Not Be Read", 99))
    (raw / "link.txt").symlink_to(outside)
    return {
        "empty.txt": "empty", "blank.txt": "empty", "image.txt": "binary",
        "document.html": "binary", "noise.txt": "binary", "nul.txt": "binary",
        "truncated.html": "", "no-article.html": "", "broken.json": "json",
        "weird-shape.json": "", "broken.html.gz": "gzip", "huge.txt": "large",
        "link.txt": "outside",
    }


def write_good_files(raw: Path) -> list[str]:
    names = {
        "plain story.txt": good("Story With Spaces In The File Name", 1),
        "ünïcode-ßtory.txt": good("Unicode File Name Story", 2),
        "odd..name..txt": good("Dots In The File Name Story", 3),
        "future.txt": good("Story Dated In The Future", 4).replace(
            "Skip to main content", "Published January 1, 2199"),
        "ancient.txt": good("Story Dated Absurdly Early", 5).replace(
            "Skip to main content", "Published January 1, 0003"),
        "notitle.json": json.dumps({"title": "", "body": "\n\n".join(distinct_paragraphs(6)),
                                    "date": "2021-02-03", "url": "https://example.org/x"}),
        "page.html.gz": gzip.compress(
            ("<html><head><title>Gzip Story</title></head><body><article><h1>Gzip Story</h1>"
             + "".join(f"<p>{p}</p>" for p in distinct_paragraphs(7))
             + "</article></body></html>").encode()
        ),
    }
    for name, data in names.items():
        (raw / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    return sorted(names)


def snapshot(root: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in root.rglob("*")
            if p.is_file() and not p.is_symlink()}


def test_ingest_skips_each_bad_file_with_its_reason_and_keeps_the_rest(tmp_path, caplog):
    raw, out = tmp_path / "content" / "raw", tmp_path / "content" / "posts"
    raw.mkdir(parents=True)
    expected = bad_corpus(raw)
    good_names = write_good_files(raw)
    before = snapshot(tmp_path)
    report = ingest(raw, out, workers=1)
    skipped = dict(report.skipped)
    for name, word in expected.items():
        assert name in skipped, f"{name} was not reported as skipped"
        assert word in skipped[name].lower(), f"{name}: {skipped[name]!r} lacks {word!r}"
        assert "\n" not in skipped[name]
    # The log names the first few skipped files, then points to the report for the rest.
    messages = [r.getMessage() for r in caplog.records]
    named = [name for name in expected if any(name in m for m in messages)]
    assert len(named) >= min(4, len(expected))
    if len(named) < len(expected):
        assert any("every one is listed in output/ingest-report.json" in m for m in messages)
    assert len(report.posts_written) == len(good_names)
    for name in good_names:
        assert name not in skipped
    after = snapshot(tmp_path)
    written = {p for p in after if p not in before or after[p] != before[p]}
    assert all(Path(p).is_relative_to(out) or Path(p) == out for p in written), written
    texts = "".join(p.read_text() for p in out.glob("*.md"))
    assert "Outside Secret" not in texts
    assert "2199" not in "".join(
        line for p in out.glob("*.md") for line in p.read_text().splitlines()
        if line.startswith("Date:"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    secret = raw / "locked.txt"
    secret.write_text(good("Locked Story", 1))
    secret.chmod(0)
    report = ingest(raw, out, workers=1)
    assert "permission" in dict(report.skipped)["locked.txt"]


def test_permission_error_is_reported_even_as_root(tmp_path, monkeypatch):
    raw, out = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    (raw / "locked.txt").write_text(good("Locked Story", 1))
    (raw / "open.txt").write_text(good("Open Story", 2))
    real = Path.read_bytes

    def guarded(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    report = ingest(raw, out, workers=1)
    assert dict(report.skipped)["locked.txt"] == "permission denied"
    assert len(report.posts_written) == 1


@pytest.mark.slow
def test_site_builds_and_reports_despite_bad_files(make_site, tmp_path):
    raw_files = {"good.txt": good("A Good Story Among Bad Files", 1), "empty.txt": b"",
                 "image.txt": PNG, "broken.json": "{nope"}
    output, proc = make_site(raw_files)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "empty.txt" in proc.stdout + proc.stderr
    report = json.loads((output / "ingest-report.json").read_text())
    assert report["posts_written"] == 1
    assert {s["path"] for s in report["skipped"]} == {"empty.txt", "image.txt", "broken.json"}
    assert list(output.rglob("a-good-story-among-bad-files*"))

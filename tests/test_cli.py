"""The `news-archive` command line: inspect, tag and ingest, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from rawtexts import raw_dump


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "news_archive.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"})


def test_inspect_prints_one_record_per_article_and_names_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "story.txt"
    good.write_text(raw_dump("Council Delays Planting After Dry Spring",
                             dateline="VARNA, June 3, 2019 —"), encoding="utf-8")
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    proc = cli("inspect", str(good), str(bad))
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == 1 and records[0]["path"] == str(good)
    assert records[0]["title"] == "Council Delays Planting After Dry Spring"
    assert str(bad) in proc.stderr


def test_tag_prints_entities_of_clean_text(tmp_path: Path) -> None:
    text = tmp_path / "clean.txt"
    text.write_text("Kazakhstan and Uzbekistan signed a water agreement with the United Nations "
                    "on Monday, President Kassym-Jomart Tokayev said.", encoding="utf-8")
    out = json.loads(cli("tag", str(text)).stdout)
    assert {"KZ", "UZ"} <= set(out["countries"])
    assert "United Nations" in out["organizations"]


def test_ingest_writes_posts_and_a_report(tmp_path: Path) -> None:
    raw, posts = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    (raw / "a.txt").write_text(raw_dump("Council Delays Planting After Dry Spring"),
                               encoding="utf-8")
    (raw / "b.doc").write_text("not a raw file", encoding="utf-8")
    proc = cli("ingest", "--raw", str(raw), "--posts", str(posts), "--report",
               str(tmp_path / "report.json"))
    assert proc.returncode == 0, proc.stderr
    assert "1 posts written" in proc.stdout and "skipped b.doc" in proc.stdout
    assert [p.name for p in posts.glob("*.md")] == ["council-delays-planting-after-dry-spring.md"]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["posts_written"] == 1 and report["skipped"][0]["path"] == "b.doc"

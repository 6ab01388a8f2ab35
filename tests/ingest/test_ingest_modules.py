"""The ingest stage's modules on their own: near-duplicate sketches, the manifest, the per-file
pipeline, slugs, progress and capped per-file warnings."""

from __future__ import annotations

import logging
import random
from pathlib import Path

from news_archive.ingest import ingest
from news_archive.ingest.dedup import NearDuplicateIndex, _bands, similarity, sketch
from news_archive.ingest.manifest import load_manifest, row_digest
from news_archive.ingest.pipeline import FileResult, process_file
from news_archive.ingest.progress import log_progress
from news_archive.ingest.writer import headline_slug
from rawtexts import PARAGRAPHS, distinct_paragraphs, raw_dump


def test_sketches_find_the_same_story_not_another() -> None:
    story = " ".join(PARAGRAPHS)
    other = " ".join(distinct_paragraphs(5))
    assert similarity(sketch(story), sketch(story + " Share on Facebook.")) > 0.8
    assert similarity(sketch(story), sketch(other)) < 0.2
    index = NearDuplicateIndex()
    index.add("a.txt", sketch(story))
    index.add("b.txt", sketch(other))
    assert index.find(sketch("Subscribe now. " + story)) == "a.txt"
    assert index.find(sketch(" ".join(distinct_paragraphs(9)))) is None
    assert index.find([]) is None


class _BucketIndex:
    """The near-duplicate index as band buckets only: what NearDuplicateIndex must answer."""

    def __init__(self) -> None:
        self.sketches: dict[str, list[int]] = {}
        self.buckets: dict[tuple, list[str]] = {}

    def add(self, key: str, sig: list[int]) -> None:
        if sig:
            self.sketches[key] = sig
            for band in _bands(sig):
                self.buckets.setdefault(band, []).append(key)

    def find(self, sig: list[int]) -> str | None:
        if not sig:
            return None
        cands = {k for band in _bands(sig) for k in self.buckets.get(band, ())}
        best = max(((similarity(sig, self.sketches[k]), k) for k in cands),
                   default=(0.0, None), key=lambda p: (p[0], p[1] or ""))
        return best[1] if best[0] >= 0.8 else None


def test_the_scan_and_the_buckets_answer_alike() -> None:
    # a few finds are answered by scanning every sketch's bands, many by buckets: the
    # answers are the buckets' in both, with near copies, re-added keys, ties and sketches
    # of another length (an older state) among them
    rng = random.Random(7)
    base = [[rng.randrange(2**32) for _ in range(64)] for _ in range(60)]
    scanned, reference = NearDuplicateIndex(), _BucketIndex()
    for n, sig in enumerate(base):
        for index in (scanned, reference):
            index.add(f"{n:03d}.txt", sig)
    for index in (scanned, reference):
        index.add("007.txt", base[8])  # re-added with another article's sketch
        index.add("old.txt", base[9][:32])  # an older state's shorter sketch
        index.add("tie.txt", list(base[11]))  # the same sketch as 011.txt
    queries = []
    for n in range(80):
        sig = list(base[n % 60])
        for k in rng.sample(range(64), rng.choice((0, 4, 12, 40))):
            sig[k] = rng.randrange(2**32)  # near or far from the original
        queries.append(sig)
    queries += [base[9][:32], [], [rng.randrange(2**32) for _ in range(64)]]
    answers = []
    for n, q in enumerate(queries):
        answers.append((scanned.find(q), reference.find(q)))
        if n % 3 == 0:  # new files join the index between finds, as ingest adds them
            for index in (scanned, reference):
                index.add(f"new{n:03d}.txt", q)
    few = NearDuplicateIndex()  # a run with a few new files: every find is a scan
    for n, sig in enumerate(base):
        few.add(f"{n:03d}.txt", sig)
    few.add("old.txt", base[9][:32])  # an older state's shorter sketch, before the first find
    answers.append((few.find(base[9][:32]), "old.txt"))
    for n in range(5):  # a file added right before the next find is found by it
        fresh = [rng.randrange(2**32) for _ in range(64)]
        few.add(f"fresh{n}.txt", fresh)
        answers.append((few.find(fresh), f"fresh{n}.txt"))
    assert all(a == b for a, b in answers)
    assert sum(a is not None for a, _ in answers) > 40  # most queries have a match
    assert NearDuplicateIndex.SCAN_FINDS < len(queries)  # both ways were used


def test_manifest_rows_bad_dates_and_digest(tmp_path: Path, caplog) -> None:
    (tmp_path / "manifest.csv").write_text(
        "path,url,published,source,title\n"
        "a.txt,https://example.org/a,2021-07-07,Sample Wire,\n"
        ",https://example.org/nopath,2021-07-07,,\n"
        "b.txt,,7 July 2021,,\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        rows = load_manifest(tmp_path)
    assert rows["a.txt"]["published"] == "2021-07-07" and rows["a.txt"]["source"] == "Sample Wire"
    assert rows["b.txt"]["published"] == ""  # not ISO: ignored, with a warning naming the line
    assert "manifest.csv:3: row without a path" in caplog.text
    assert "manifest.csv:4: published" in caplog.text
    assert row_digest(rows["a.txt"]) != row_digest(rows["b.txt"]) and row_digest({}) == ""


def test_process_file_returns_a_file_result(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(raw_dump("Council Delays Planting After Dry Spring"),
                                        encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    good = process_file(str(tmp_path), "story.txt")
    assert isinstance(good, FileResult) and good.path == "story.txt" and len(good.sha256) == 64
    assert [d.extracted.title for d in good.drafts] == ["Council Delays Planting After Dry Spring"]
    assert good.errors == []
    bad = process_file(str(tmp_path), "empty.txt")
    assert bad.drafts == [] and bad.errors and bad.errors[0][0] == "empty.txt"
    missing = process_file(str(tmp_path), "missing.txt")
    assert missing.errors[0][0] == "missing.txt"


def test_headline_slugs_use_pelicans_slugify_and_transliterate() -> None:
    assert headline_slug("Łódź Hosts Conference") == "lodz-hosts-conference"
    assert headline_slug("Президент Таджикистана обсудил ситуацию") == \
        "prezident-tadzhikistana-obsudil-situatsiiu"
    assert headline_slug("A " + "very " * 40 + "long headline").endswith("very")
    assert len(headline_slug("word " * 60)) <= 80
    # The site's own slug settings are used (here: keep Unicode).
    assert headline_slug("Łódź", {"SLUGIFY_USE_UNICODE": True}) == "łódź"


def test_progress_is_logged_now_and_then(caplog) -> None:
    ticks = iter([0.0, 5.0, 11.0, 12.0, 30.0])
    report = log_progress(every_seconds=10, clock=lambda: next(ticks))
    with caplog.at_level(logging.INFO, logger="news_archive"):
        for done in (100, 200, 300, 1000):
            report(done, 1000)
    lines = [r.getMessage() for r in caplog.records if "files processed" in r.getMessage()]
    assert lines == ["news_archive ingest: 200 of 1000 files processed (20%)"]


def test_per_file_warnings_are_capped_and_all_listed_in_the_report(tmp_path: Path,
                                                                   caplog) -> None:
    raw, out = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    for i in range(12):
        (raw / f"note{i:02d}.pdf").write_bytes(b"%PDF")
    with caplog.at_level(logging.WARNING, logger="news_archive"):
        report = ingest(raw, out)
    assert len(report.skipped) == 12  # every file is in the report ...
    per_file = [r for r in caplog.records if "unsupported file type" in r.getMessage()]
    assert 0 < len(per_file) < 12  # ... but the log shows only the first few
    assert any("every one is listed in output/ingest-report.json" in r.getMessage()
               for r in caplog.records)
    # The next run (another build of `pelican --autoreload`) has a cap of its own.
    (raw / "other.doc").write_bytes(b"x")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="news_archive"):
        ingest(raw, out)
    assert any("other.doc" in r.getMessage() for r in caplog.records)

"""Manifest lookups stay linear in the manifest's size: the pattern rows are found once per
manifest, not once per raw file looked up (5,000 rows x 5,000 files was 25 million checks)."""

from __future__ import annotations

from news_archive.ingest import manifest, pipeline


def _write_manifest(raw, n: int) -> None:
    lines = ["path,url,published,source,title,sample", "sample_*,,,,,yes",
             "demo/*,,,Demo Wire,,"]
    lines += [f"f{i:04d}.txt,https://news.example/{i},2021-05-0{1 + i % 9},,," for i in range(n)]
    raw.mkdir(parents=True, exist_ok=True)
    (raw / manifest.MANIFEST_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_pattern_rows_found_once_per_manifest_not_per_file(tmp_path, monkeypatch) -> None:
    raw = tmp_path / "raw"
    _write_manifest(raw, 300)
    calls = []
    real = manifest.is_pattern
    monkeypatch.setattr(manifest, "is_pattern", lambda p: calls.append(p) or real(p))
    rows = [pipeline.manifest_row(str(raw), f"f{i:04d}.txt") for i in range(300)]
    assert {k: v for k, v in rows[7].items() if v} == {"url": "https://news.example/7",
                                                       "published": "2021-05-08"}
    assert len(calls) <= 302 + 10  # one pass over the rows, not 300 of them
    # pattern rows still apply, and a file's own row wins over them
    assert pipeline.manifest_row(str(raw), "sample_1.txt") == {"sample": "yes"}
    assert pipeline.manifest_row(str(raw), "demo/x.txt") == {"source": "Demo Wire"}


def test_row_for_with_precomputed_patterns_matches_plain_lookup() -> None:
    rows = {"a*.txt": {"source": "A"}, "abc.txt": {"source": "own", "url": ""},
            "x.txt": {"url": "u"}}
    patterns = manifest.pattern_keys(rows)
    assert patterns == ["a*.txt"]
    for rel in ("abc.txt", "ab.txt", "x.txt", "zz.txt", "d/abc.txt"):
        assert manifest.row_for(rows, rel, patterns) == manifest.row_for(rows, rel)
    assert manifest.row_for(rows, "abc.txt", patterns) == {"source": "own"}

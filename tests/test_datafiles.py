"""The one data loader: every data file names its source, and malformed rows are errors that
name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from news_archive import datafiles
from news_archive.datafiles import DataFileError, read_lines, read_rows


def test_every_data_file_has_a_source_header_and_loads() -> None:
    files = [p for p in sorted(datafiles.ROOT.rglob("*"))
             if p.is_file() and "data" in p.relative_to(datafiles.ROOT).parts[:-1]]
    assert len(files) >= 15
    for path in files:
        parts = path.relative_to(datafiles.ROOT).parts
        cut = parts.index("data")
        package, name = "/".join(parts[:cut]), "/".join(parts[cut + 1:])
        head = path.read_text(encoding="utf-8").lstrip()[:1]
        assert head == "#", f"{path} does not start with a '#' source header"
        assert read_lines(package, name), path


def test_rows_are_checked_and_errors_name_file_and_line(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "pkg" / "data"
    data.mkdir(parents=True)
    (data / "ok.tsv").write_text("# Source: written for this test.\na\tb\n\nc\td\n")
    (data / "bad.tsv").write_text("# Source: written for this test.\na\tb\nc\n")
    (data / "nohead.tsv").write_text("a\tb\n")
    monkeypatch.setattr(datafiles, "ROOT", tmp_path)
    assert read_rows("pkg", "ok.tsv", (2, 2)) == [["a", "b"], ["c", "d"]]
    with pytest.raises(DataFileError, match=r"bad\.tsv:3: 1 columns, expected 2"):
        read_rows("pkg", "bad.tsv", (2, 2))
    with pytest.raises(DataFileError, match="nohead.tsv: no '#' header"):
        read_lines("pkg", "nohead.tsv")

"""The one loader of the plugin's data files (gazetteers, alias lists, patterns, month names).

Data lives in a `data/` folder beside the package that uses it (`extract/data/`,
`tagging/data/`), or in `news_archive/data/` when several packages share it. Every file starts
with `#` comment lines that name its source; blank lines and lines starting with `#` are
skipped. A TSV row with the wrong number of columns is an error naming the file and line, so a
bad edit is found at once.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent


class DataFileError(ValueError):
    """A data file without a source header, or with a malformed row."""


def data_path(package: str, name: str) -> Path:
    """`news_archive/<package>/data/<name>` (package like "tagging"; "" for the plugin's own
    `news_archive/data/`, shared by several packages)."""
    return ROOT / package / "data" / name


@cache
def _numbered_lines(path: Path) -> tuple[tuple[int, str], ...]:
    out: list[tuple[int, str]] = []
    header = False
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, start=1):
            line = raw.rstrip("\r\n")
            if line.lstrip().startswith("#"):
                header = header or not out
                continue
            if line.strip():
                out.append((n, line.rstrip()))
    if not header:
        raise DataFileError(f"{path}: no '#' header naming the data's source")
    return tuple(out)


def read_lines(package: str, name: str) -> list[str]:
    """Non-comment, non-blank lines of a data file (trailing whitespace stripped)."""
    return [line for _, line in _numbered_lines(data_path(package, name))]


def read_rows(package: str, name: str, columns: tuple[int, int | None] = (1, None)
              ) -> list[list[str]]:
    """Rows of a TSV data file split on tabs (empty fields kept); `columns` = (least, most)
    fields a row may have (None: no upper bound)."""
    path = data_path(package, name)
    least, most = columns
    expected = str(least) if most == least else f"{least} to {most or 'any number of'}"
    rows = []
    for n, line in _numbered_lines(path):
        row = line.split("\t")
        if len(row) < least or (most is not None and len(row) > most):
            raise DataFileError(f"{path}:{n}: {len(row)} columns, expected {expected}")
        rows.append(row)
    return rows


def read_json(package: str, name: str) -> object:
    """A JSON data file; a leading block of `#` comment lines names its source."""
    return json.loads("\n".join(read_lines(package, name)))

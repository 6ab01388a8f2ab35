"""One raw file -> Drafts: read, decode, extract, tag. Plain functions, no Pelican.

`process_file` is the unit of work that ingest runs locally, in a process pool or on a Dask
cluster; everything it needs is loaded once per process (module-level caches).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

from ..draft import Draft, Extracted
from ..errors import UnreadableInput
from ..extract.decode import decode_bytes, sniff_format
from .dedup import sketch
from .manifest import MANIFEST_NAME, is_sample, load_manifest, pattern_keys, row_digest, row_for

MAX_RAW_BYTES = 50 * 1024 * 1024


def read_raw_bytes(path: Path) -> bytes:
    """The bytes of a raw file, refusing what is too large, not a file, or unreadable."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"cannot stat file ({exc.strerror})") from exc
    if size > MAX_RAW_BYTES:
        limit = MAX_RAW_BYTES // 1_000_000
        raise UnreadableInput(f"file too large ({size / 1e6:.0f} MB; the limit is {limit} MB)")
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise UnreadableInput("permission denied") from exc
    except OSError as exc:
        raise UnreadableInput(f"cannot read file ({exc.strerror})") from exc


def sha256_of(data: bytes) -> str:
    """Hex sha256: a raw file's identity (provenance header, duplicate detection)."""
    return hashlib.sha256(data).hexdigest()


def extract(data: bytes, relpath: str) -> tuple[str, list[Extracted | UnreadableInput]]:
    """Decode (gunzipping if needed) and extract every article a raw file holds.

    Returns (format, records).
    """
    text, _encoding = decode_bytes(data, relpath, max_size=MAX_RAW_BYTES)
    if not text.strip():
        raise UnreadableInput("empty file")
    fmt = sniff_format(relpath, text)
    if fmt == "html":
        from ..extract.html_page import extract_html_page

        return fmt, [extract_html_page(text)]
    if fmt == "json":
        from ..extract.json_record import extract_json_records

        return fmt, list(extract_json_records(text))
    if fmt == "jsonl":
        from ..extract.json_record import extract_jsonl_records

        return fmt, list(extract_jsonl_records(text))
    from ..extract.text_dump import extract_text_dump

    if _single_line(text):
        raise UnreadableInput("a single line of text, not an article")
    return "text", [extract_text_dump(text)]


def _single_line(text: str) -> bool:
    """True when a text file holds at most one non-blank line."""
    lines = (line for line in text.splitlines() if line.strip())
    next(lines, None)
    return next(lines, None) is None


def is_future(iso: str | None, today: date | None = None) -> bool:
    """True for a date after today (a scraper's or converter's mistake)."""
    if not iso:
        return False
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return True
    return d > (today or datetime.now(timezone.utc).date())


def finish(extracted: Extracted) -> Extracted:
    """Language detection and sanity checks that apply to every format."""
    from ..tagging.language import detect_language

    if not extracted.language:
        sample = " ".join([extracted.title, *extracted.paragraphs[:5]])
        extracted.language = detect_language(sample)
    if extracted.published and (is_future(extracted.published) or extracted.published < "1800"):
        extracted.warnings.append(f"ignored absurd date {extracted.published!r}")
        extracted.published, extracted.published_source = None, ""
    from ..extract.meta import apply_opening_byline, tidy_byline

    if len(extracted.paragraphs) > 1:
        apply_opening_byline(extracted)
    extracted.byline = tidy_byline(extracted.byline)
    if not extracted.published and extracted.paragraphs:
        # a record whose date field is missing or unreadable: the story's own dateline
        from ..extract.dateline import read_dateline

        dateline = read_dateline(extracted.paragraphs[0])
        if dateline and dateline.published and not is_future(dateline.published):
            extracted.published, extracted.published_source = dateline.published, "dateline"
    if not extracted.published:
        from ..extract.text_date import date_from_text

        date_from_text(extracted)
    if not extracted.title.strip():
        first = extracted.paragraphs[0] if extracted.paragraphs else ""
        extracted.title = (first[:90].rsplit(" ", 1)[0] + "…") if len(first) > 90 else first
        extracted.warnings.append("no headline found; used the start of the first paragraph")
    return extracted


@lru_cache(maxsize=8)
def _manifest(raw_dir: str, stamp: int) -> dict[str, dict[str, str]]:
    return load_manifest(Path(raw_dir))


@lru_cache(maxsize=8)
def _manifest_patterns(raw_dir: str, stamp: int) -> list[str]:
    return pattern_keys(_manifest(raw_dir, stamp))


def manifest_row(raw_dir: str, relpath: str) -> dict[str, str]:
    """The manifest's row for a raw file ({} if none); read once per process and change."""
    try:
        stamp = os.stat(os.path.join(raw_dir, MANIFEST_NAME)).st_mtime_ns
    except OSError:
        return {}
    return row_for(_manifest(raw_dir, stamp), relpath, _manifest_patterns(raw_dir, stamp))


def manifest_rows(raw_dir: str) -> dict[str, dict[str, str]]:
    """Every row of the manifest by raw path ({} without one); read once per process and
    change (look rows up in it when checking many files: one stat instead of one per file)."""
    try:
        stamp = os.stat(os.path.join(raw_dir, MANIFEST_NAME)).st_mtime_ns
    except OSError:
        return {}
    return _manifest(raw_dir, stamp)


def apply_manifest(extracted: Extracted, row: dict[str, str]) -> None:
    """Fill what the raw file lacks from its manifest row (the file's own date wins)."""
    extracted.url = extracted.url or row.get("url", "")
    extracted.source = extracted.source or row.get("source", "")
    extracted.title = extracted.title or row.get("title", "")
    if not extracted.published and row.get("published"):
        extracted.published, extracted.published_source = row["published"], "manifest"
    extracted.sample = extracted.sample or is_sample(row)


def tag(extracted: Extracted):
    """Entities and dates of one article."""
    from ..tagging import tag_text
    from ..tagging.authors import drop_authors

    parts = [extracted.summary, *extracted.paragraphs]
    tags = tag_text("\n\n".join(p for p in parts if p), extracted.title, extracted.published,
                    lang=extracted.language)
    if extracted.credits:  # agencies and places of a credit line, not its people
        credited = tag_text(extracted.credits, lang=extracted.language)
        known = {o.name for o in tags.organizations}
        tags.organizations += [o for o in credited.organizations if o.name not in known]
        tags.countries += [c for c in credited.countries if c not in tags.countries]
    drop_authors(tags, extracted)
    return tags


def warm_up() -> None:
    """Load every model and data file now (before forking workers that then share them)."""
    from ..extract.text_dump import extract_text_dump
    from ..tagging import language

    sample = "A headline\n\nThe council in Moscow met on Monday, officials said.\n"
    extract_text_dump(sample)
    language.load()
    language.detect_language(sample * 3)
    tag(Extracted(title="A headline", paragraphs=[sample]))


@dataclass
class FileResult:
    """What the pipeline made of one raw file (picklable: it crosses process boundaries)."""

    path: str
    sha256: str = ""
    drafts: list[Draft] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path or path#n, reason)


def process_file(raw_dir: str, relpath: str) -> FileResult:
    """Full pipeline for one raw file: its drafts, and the reason for each record dropped."""
    path = Path(raw_dir) / relpath
    result = FileResult(relpath)
    try:
        data = read_raw_bytes(path)
        result.sha256 = sha256_of(data)
        fmt, records = extract(data, relpath)
    except UnreadableInput as exc:
        result.errors.append((relpath, str(exc)))
        return result
    except Exception as exc:  # a bug or a pathological page must not stop the archive
        result.errors.append((relpath, f"extraction failed: {type(exc).__name__}: {exc}"))
        return result
    for i, rec in enumerate(records):
        label = f"{relpath}#{i + 1}" if len(records) > 1 else relpath
        if isinstance(rec, Exception):
            result.errors.append((label, str(rec)))
            continue
        if not rec.paragraphs:
            result.errors.append((label, "no article text found"))
            continue
        if " ".join(" ".join(rec.paragraphs).split()) == " ".join(rec.title.split()):
            result.errors.append((label, "its only text is its headline, not an article"))
            continue
        try:
            row = manifest_row(raw_dir, relpath)
            apply_manifest(rec, row)
            rec = finish(rec)
            tags = tag(rec)
        except Exception as exc:
            result.errors.append((label, f"tagging failed: {type(exc).__name__}: {exc}"))
            continue
        draft = Draft(path=relpath, sha256=result.sha256, format=fmt, extracted=rec, tags=tags)
        draft.index = i + 1 if len(records) > 1 else 0
        draft.sketch = sketch(draft.body)
        draft.manifest_digest = row_digest(row)
        result.drafts.append(draft)
    return result

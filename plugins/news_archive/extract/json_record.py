"""Scraper JSON records -> `Extracted`: one article per `.json` file, one per `.jsonl` line.

Known record layouts (news-please, newspaper, schema.org NewsArticle, plain title/body) are
described in `data/json_fields.json`; a record matching none raises `UnknownRecordShape`
naming the keys it has. Bodies are split into paragraphs on blank lines (or on single newlines
when there are none); an HTML body is reduced to the text of its block elements first.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache

from ..draft import Extracted
from ..errors import UnknownRecordShape, UnreadableInput
from .published import find_dates
from .relative_date import find_relative_time
from .resources import data_json

FIELDS_FILE = "json_fields.json"
_HTML_BODY = re.compile(r"<(?:p|div|br|span|a|b|i|strong|em|h[1-6]|ul|ol|li|blockquote|figure|"
                        r"table|section|article)\b[^>]*>", re.I)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figure",
           "figcaption", "section", "article", "header", "footer", "pre", "table", "tr", "ul",
           "ol", "dd", "dt"}


@lru_cache(maxsize=1)
def _config() -> dict:
    cfg = data_json(FIELDS_FILE)
    assert isinstance(cfg, dict)
    return cfg


def _shape(record: dict) -> dict:
    for shape in _config()["shapes"]:
        if all(key in record for key in shape["match"]):
            return shape
    keys = ", ".join(sorted(map(str, record))[:20]) or "none"
    raise UnknownRecordShape(f"unknown record shape (keys: {keys})")


def _text(value: object) -> str:
    """A field value as one string: names of objects, lists joined with ', '."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        for key in ("name", "@id", "url", "value"):
            if key in value:
                return _text(value[key])
        return ""
    if isinstance(value, list):
        parts = [_text(v) for v in value]
        return ", ".join(dict.fromkeys(p for p in parts if p))
    return str(value)


def _field(record: dict, shape: dict, name: str) -> object:
    for key in shape["fields"].get(name, []):
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _iso_date(value: object) -> str | None:
    """A scraper's date (ISO text, RFC 2822 text, epoch seconds or ms) as ISO 8601."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = _text(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if is_ambiguous_date(text):
        return None
    found = find_dates(text)  # "March 3, 2023", "3 марта 2023", "03.03.2023", "Monday, ..."
    return found[0].iso if len(found) == 1 else None


_SLASHED = re.compile(r"\s*(\d{1,2})/(\d{1,2})/\d{2,4}\b.*")


def is_ambiguous_date(text: str) -> bool:
    """A slashed date whose day and month could be either ("05/01/2022": 5 January or
    1 May): no date is read from it, rather than a guess."""
    m = _SLASHED.fullmatch(text)
    return bool(m) and int(m[1]) <= 12 and int(m[2]) <= 12 and m[1] != m[2]


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment, with a blank line between block elements."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises several types on hopeless markup
        return re.sub(r"<[^>]+>", " ", markup)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCKS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    return root.text_content()


def split_paragraphs(body: str) -> list[str]:
    """Paragraphs on blank lines; on single newlines when the text has no blank line."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if _HTML_BODY.search(body):
        body = html_to_text(body)
    chunks = re.split(r"\n[ \t\xa0]*\n", body) if re.search(r"\n[ \t\xa0]*\n", body) else (
        body.split("\n"))
    return [p for p in (re.sub(r"\s+", " ", c).strip() for c in chunks) if p]


def _language(value: object) -> str:
    code = re.split(r"[-_]", _text(value).lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else ""


def record_to_extracted(record: object) -> Extracted:
    """One scraper record -> Extracted; UnknownRecordShape / UnreadableInput when it cannot."""
    if not isinstance(record, dict):
        raise UnknownRecordShape(f"record is a JSON {type(record).__name__}, not an object")
    shape = _shape(record)
    body = _field(record, shape, "body")
    paragraphs = split_paragraphs(_text(body) if not isinstance(body, list) else
                                  "\n\n".join(_text(b) for b in body))
    if not paragraphs:
        raise UnreadableInput(f"{shape['name']} record has an empty body")
    out = Extracted(
        title=html.unescape(_text(_field(record, shape, "title"))),
        summary=" ".join(split_paragraphs(_text(_field(record, shape, "summary")))),
        paragraphs=paragraphs,
        byline=_text(_field(record, shape, "byline")),
        credits=_text(_field(record, shape, "credits")),
        source=_text(_field(record, shape, "source")),
        url=_text(_field(record, shape, "url")),
        language=_language(_field(record, shape, "language")),
    )
    raw_date = _field(record, shape, "published")
    out.published = _iso_date(raw_date)
    if out.published:
        out.published_source = "record"
    elif raw_date is not None and find_relative_time([_text(raw_date)]):
        out.published_ago = _text(raw_date)  # "3 hours ago": counted back from the file's time
    elif raw_date is not None:
        what = "ambiguous date" if is_ambiguous_date(_text(raw_date)) else "unreadable date"
        out.warnings.append(f"{what} {_text(raw_date)[:40]!r}")
    return out


def _records(value: object) -> list[object]:
    """The records of a parsed `.json` file: an object, a list, or a known wrapper object."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in _config()["containers"]:
            inner = value.get(key)
            if isinstance(inner, list) and inner and all(isinstance(x, dict) for x in inner):
                try:
                    _shape(value)
                except UnknownRecordShape:
                    return inner
        return [value]
    return [value]


def extract_json_records(text: str) -> list[Extracted | UnreadableInput]:
    """Articles of one `.json` file. Raises UnreadableInput when nothing in it is an article.

    A list of records yields one entry per record; a record that fails yields its error (the
    others still count), unless every record fails.
    """
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise UnreadableInput(f"invalid JSON: {exc}") from exc
    records = _records(value)
    if not records:
        raise UnreadableInput("empty JSON list: no records")
    out: list[Extracted | UnreadableInput] = []
    for i, rec in enumerate(records, 1):
        try:
            out.append(record_to_extracted(rec))
        except UnreadableInput as exc:
            if len(records) == 1:
                raise
            err = type(exc)(f"record {i}: {exc.reason}")
            out.append(err)
    if all(isinstance(x, UnreadableInput) for x in out):
        raise out[0]  # type: ignore[misc]
    return out


def extract_jsonl_records(text: str) -> list[Extracted | UnreadableInput]:
    """One entry per non-blank line of a `.jsonl` file: the article, or that line's error."""
    out: list[Extracted | UnreadableInput] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(record_to_extracted(json.loads(line)))
        except ValueError as exc:
            if isinstance(exc, UnreadableInput):
                out.append(type(exc)(f"line {n}: {exc.reason}"))
            else:
                out.append(UnreadableInput(f"line {n}: invalid JSON ({exc})"))
    if not out:
        raise UnreadableInput("empty JSON Lines file")
    return out

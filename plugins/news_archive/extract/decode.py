"""Raw bytes -> text: gzip, BOMs, UTF-16, declared and detected charsets, mojibake repair.

`decode_bytes` refuses binary data (images, PDFs, archives, NUL-riddled or control-heavy bytes)
with `UnreadableInput`; `sniff_format` tells HTML, JSON, JSON Lines and plain text apart.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re

from ..errors import UnreadableInput

MAX_DECOMPRESSED = 50 * 1024 * 1024

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy names that browsers (WHATWG) read as a superset.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
            "us-ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874",
            "gb2312": "gb18030", "gbk": "gb18030", "x-sjis": "shift_jis"}
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""",
    re.IGNORECASE,
)
# Candidate legacy encodings (Python codec names), most likely first for a tie.
_PREFERRED = (
    "utf_8", "cp1252", "cp1251", "koi8_r", "cp1250", "iso8859_2", "iso8859_15", "cp1254",
    "cp1257", "cp1253", "cp1255", "cp1256", "iso8859_5", "koi8_u", "mac_cyrillic", "cp866",
    "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp874",
)
_CONTROL_SHARE = 0.05  # more control characters than this -> binary
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]", re.I)
_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
}


def _gunzip(data: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise UnreadableInput(f"broken gzip data ({exc})") from exc
    if len(out) > limit:
        raise UnreadableInput(f"too large: more than {limit // (1024 * 1024)} MB decompressed")
    return out


def _check_magic(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnreadableInput(f"binary data: {what}")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one byte parity (text in UTF-16), else None."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.25 and even < 0.02:
        return "utf-16-le"
    if even > 0.25 and odd < 0.02:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:8192])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "ignore").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# Control characters (category Cc) other than the whitespace ones \t \n \v \f \r.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# UTF-8 read as Latin-1/cp1252 always leaves a lead byte (Â..ô) followed by a continuation
# byte (\x80..\xbf, or its cp1252 glyph); text without such a pair cannot be mojibake.
_MOJIBAKE_HINT = re.compile(
    "[\xc2-\xf4][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8-read-as-cp1252/Latin-1 with ftfy, only when ftfy judges the text bad."""
    import ftfy
    from ftfy.badness import is_bad

    if text.isascii() or not _MOJIBAKE_HINT.search(text) or not is_bad(text):
        return text, False
    fixed = ftfy.fix_encoding(text)
    return fixed, fixed != text


def _detect(data: bytes) -> tuple[str, str]:
    """Best charset-normalizer guess; plausible news encodings first, ties go to `_PREFERRED`."""
    from charset_normalizer import from_bytes

    sample = data[:200_000]
    matches = list(from_bytes(sample, cp_isolation=list(_PREFERRED))) or list(from_bytes(sample))
    if not matches:
        raise UnreadableInput("binary data: no text encoding fits")

    def rank(m) -> tuple[float, float, int]:
        pref = _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED)
        return round(m.chaos, 3), -round(m.coherence, 3), pref

    enc = min(matches, key=rank).encoding
    return data.decode(enc, errors="replace"), enc


def decode_bytes(data: bytes, path: str = "", max_size: int = MAX_DECOMPRESSED) -> tuple[str, str]:
    """Decode raw file bytes to text. Returns (text, encoding name); raises UnreadableInput.

    Order: gzip -> binary magic -> BOM -> BOM-less UTF-16 -> UTF-8 (with mojibake repair) ->
    charset declared in HTML/XML -> charset-normalizer detection.
    """
    if data[:2] == b"\x1f\x8b" or path.lower().endswith(".gz"):
        if data[:2] != b"\x1f\x8b":
            raise UnreadableInput("broken gzip data (no gzip header)")
        data = _gunzip(data, max_size)
    elif len(data) > max_size:
        raise UnreadableInput(f"too large: more than {max_size // (1024 * 1024)} MB")
    _check_magic(data)
    text, encoding = (_with_bom(data) or _utf16_with_nuls(data) or _utf8(data)
                      or _declared_or_detected(data))
    if _control_share(text) > _CONTROL_SHARE:
        raise UnreadableInput("binary data: too many control characters")
    text, repaired = _repair_mojibake(text)
    if repaired:
        encoding += "+ftfy"
    return text, encoding


def _with_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of data that opens with a byte-order mark, else None."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff"), enc
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"broken {enc} text ({exc.reason})") from exc
    return None


def _utf16_with_nuls(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of data holding NUL bytes, which only UTF-16 text without a BOM may;
    None when there are none."""
    if b"\x00" not in data:
        return None
    enc16 = _utf16_without_bom(data)
    if enc16 is None:
        raise UnreadableInput("binary data: NUL bytes in text")
    try:
        return data.decode(enc16), enc16
    except UnicodeDecodeError as exc:
        reason = f"binary data: NUL bytes, not valid UTF-16 ({exc.reason})"
        raise UnreadableInput(reason) from exc


def _utf8(data: bytes) -> tuple[str, str] | None:
    """(text, "utf-8") of UTF-8 data (a last character cut in the middle dropped), else None."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8"), "utf-8"  # cut mid-character
    return None


def _declared_or_detected(data: bytes) -> tuple[str, str]:
    """(text, encoding) by the charset the page declares, else by detection."""
    declared = _declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    return _detect(data)


def _strip_gz(path: str) -> str:
    low = path.lower()
    return low[:-3] if low.endswith(".gz") else low


def _sniff_content(head: str) -> str:
    s = head.lstrip("\ufeff \t\r\n")
    if s.startswith("{") or s.startswith("["):
        first, _, rest = s.partition("\n")
        if rest.strip() and first.strip().startswith("{"):
            try:
                json.loads(first)
                return "jsonl"
            except ValueError:
                pass
        try:
            json.loads(s)
            return "json"
        except ValueError:
            return "json" if len(s) >= 200_000 else "text"
    if s.startswith("<") and _HTML_START.search(s[:5000]):
        return "html"
    if _HTML_START.search(s[:2000]) and re.search(r"</(p|div|body|html)>", s[:100000], re.I):
        return "html"
    return "text"


def sniff_format(path: str, text_or_bytes: str | bytes) -> str:
    """'html', 'json', 'jsonl' or 'text': by extension, else by content.

    A `.json` file holding one object per line is reported as 'jsonl'.
    """
    name = _strip_gz(path)
    ext = name[name.rfind(".") :] if "." in name.rsplit("/", 1)[-1] else ""
    by_ext = _EXTENSIONS.get(ext)
    if by_ext in ("html", "text", "jsonl"):
        return by_ext
    head = text_or_bytes[:200_000]
    if isinstance(head, bytes):
        head = head.decode("utf-8", errors="replace")
    sniffed = _sniff_content(head)
    if by_ext == "json":
        return "jsonl" if sniffed == "jsonl" else "json"
    return sniffed

"""decode_bytes: encodings, mojibake repair, binary rejection; sniff_format."""

from __future__ import annotations

import gzip
import random

import pytest
from news_archive.errors import UnreadableInput
from news_archive.extract.decode import decode_bytes, sniff_format

EN = "The minister said on Tuesday that the talks would resume next week."
FR = "Le président a déclaré mardi que les négociations reprendraient à Genève."
PT = "O presidente disse na terça-feira que as negociações serão retomadas em Brasília."
RU = "Президент заявил во вторник, что переговоры возобновятся на следующей неделе в Москве."
MIXED = "Переговоры в Астане: «мир», café, naïve — 2019"


@pytest.mark.parametrize("encoding,text", [
    ("utf-8", RU), ("utf-8", FR), ("utf-8-sig", RU), ("utf-16", RU), ("utf-16", FR),
    ("utf-16-le", RU + " " + EN), ("utf-16-be", EN + " " + FR),
    ("cp1251", RU), ("koi8-r", RU), ("latin-1", FR), ("latin-1", PT), ("cp1252", FR),
    ("cp1252", PT + " “quoted” – dash"),
])
def test_encodings(encoding, text):
    decoded, name = decode_bytes(text.encode(encoding), "a.txt")
    assert decoded == text, name


def test_declared_charset_is_respected():
    page = f'<html><head><meta charset="windows-1251"><title>x</title></head><p>{RU}</p></html>'
    text, name = decode_bytes(page.encode("cp1251"), "a.html")
    assert RU in text and name == "cp1251"


def test_xml_declaration():
    doc = f'<?xml version="1.0" encoding="koi8-r"?><item><p>{RU}</p></item>'
    text, name = decode_bytes(doc.encode("koi8-r"), "feed.xml")
    assert RU in text and name == "koi8-r"


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
def test_mojibake_repaired(wrong):
    original = "Le président a déclaré à Genève que la réunion était très productive."
    mojibake = original.encode("utf-8").decode(wrong)
    text, name = decode_bytes(mojibake.encode("utf-8"), "a.txt")
    assert text == original
    assert name.endswith("+ftfy")


NORDIC = "Ålesund, Øresund, naïve café, „Zitat“ and “quotes” – ok."


@pytest.mark.parametrize("text", [RU, FR, MIXED, EN, NORDIC])
def test_correct_text_not_altered(text):
    assert decode_bytes(text.encode("utf-8"), "a.txt")[0] == text


def test_utf8_cut_mid_character():
    data = RU.encode("utf-8")[:-1]
    assert decode_bytes(data)[0] == RU[:-1]


def test_gzip_is_decompressed():
    data = gzip.compress(f"<html><body><p>{FR}</p></body></html>".encode())
    text, _ = decode_bytes(data, "page.html.gz")
    assert FR in text


def test_gzip_too_large():
    data = gzip.compress(b"a" * 2_000_000)
    with pytest.raises(UnreadableInput, match="too large"):
        decode_bytes(data, "big.txt.gz", max_size=1_000_000)


@pytest.mark.parametrize("data,reason", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
    (b"GIF89a\x01\x00\x01\x00", "GIF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"Hello\x00world, this is text with a NUL byte in it.", "NUL"),
])
def test_binary_rejected(data, reason):
    with pytest.raises(UnreadableInput, match=reason):
        decode_bytes(data, "x.txt")


def test_random_bytes_rejected():
    data = random.Random(7).randbytes(4096)
    with pytest.raises(UnreadableInput):
        decode_bytes(data, "x.txt")


def test_control_characters_rejected():
    data = bytes(range(1, 9)) * 200 + EN.encode()
    with pytest.raises(UnreadableInput, match="control"):
        decode_bytes(data, "x.txt")


@pytest.mark.parametrize("path,content,expected", [
    ("a/b.html", "", "html"), ("x.HTM", "", "html"), ("x.html.gz", "", "html"),
    ("x.json", '{"title": "t"}', "json"), ("x.jsonl", "", "jsonl"), ("x.txt", "<html>", "text"),
    ("x.text", "", "text"), ("x.md", "", "text"),
    ("x.json", '{"a": 1}\n{"a": 2}\n', "jsonl"),
    ("noext", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
    ("x.dat", '[{"title": "t", "body": "b"}]', "json"),
    ("x.dat", '{"a": 1}\n{"a": 2}\n', "jsonl"),
    ("x.dat", "[Reuters] Talks resumed on Tuesday.", "text"),
    ("x.dat", b"<html><head><title>t</title></head><body></body></html>", "html"),
    ("x.dat", "Plain words in a plain file.\nAnother line.", "text"),
])
def test_sniff_format(path, content, expected):
    assert sniff_format(path, content) == expected

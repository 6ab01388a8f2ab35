"""extract_json_records / extract_jsonl_records on the record shapes of common scrapers."""

from __future__ import annotations

import json

import pytest
from news_archive.draft import Extracted
from news_archive.errors import UnknownRecordShape, UnreadableInput
from news_archive.extract.json_record import (
    extract_json_records,
    extract_jsonl_records,
    split_paragraphs,
)

P1 = "The port authority said on Monday that cargo traffic rose by a fifth last year."
P2 = "Officials expect the new container terminal to open in the spring."

NEWS_PLEASE = {
    "authors": ["Ana Lima", "Jon Reyes"], "date_download": "2021-05-02 10:00:00",
    "date_modify": None, "date_publish": "2021-05-01 08:15:00",
    "description": "Cargo traffic rose by a fifth.", "filename": "x.json", "image_url": None,
    "language": "en", "localpath": None, "maintext": f"{P1}\n\n{P2}",
    "source_domain": "portnews.example", "title": "Port traffic up 20%", "title_page": None,
    "title_rss": None, "url": "https://portnews.example/a/1",
}
NEWSPAPER = {
    "title": "Port traffic up 20%", "text": f"{P1}\n{P2}", "authors": ["Ana Lima"],
    "publish_date": "2021-05-01T08:15:00+02:00", "url": "https://portnews.example/a/1",
    "meta_lang": "en", "meta_description": "", "top_image": "",
}
PLAIN = {"title": "Port traffic up 20%", "body": f"{P1}\n\n{P2}", "date": "2021-05-01",
         "url": "https://portnews.example/a/1", "source": "Port News"}


def test_news_please():
    [e] = extract_json_records(json.dumps(NEWS_PLEASE))
    assert isinstance(e, Extracted)
    assert e.title == "Port traffic up 20%"
    assert e.paragraphs == [P1, P2]
    assert e.summary == "Cargo traffic rose by a fifth."
    assert e.byline == "Ana Lima, Jon Reyes"
    assert e.source == "portnews.example"
    assert e.published == "2021-05-01T08:15:00"
    assert e.published_source == "record"
    assert e.language == "en" and e.url == "https://portnews.example/a/1"


def test_newspaper():
    [e] = extract_json_records(json.dumps(NEWSPAPER))
    assert e.paragraphs == [P1, P2]  # no blank lines: split on single newlines
    assert e.published == "2021-05-01T08:15:00+02:00"
    assert e.byline == "Ana Lima" and e.language == "en"


def test_plain_and_list_of_objects():
    records = extract_json_records(json.dumps([PLAIN, dict(PLAIN, title="Second")]))
    assert [r.title for r in records] == ["Port traffic up 20%", "Second"]
    assert records[0].published == "2021-05-01" and records[0].source == "Port News"


def test_html_body():
    rec = dict(PLAIN, body=f"<p>{P1}</p><p>{P2.replace('spring', '<b>spring</b>')}</p>")
    [e] = extract_json_records(json.dumps(rec))
    assert e.paragraphs == [P1, P2]


def test_schema_org_article():
    rec = {"@type": "NewsArticle", "headline": "Port traffic up 20%", "articleBody": P1,
           "datePublished": "2021-05-01T08:15:00Z", "author": [{"@type": "Person",
                                                               "name": "Ana Lima"}],
           "publisher": {"@type": "Organization", "name": "Port News"}, "inLanguage": "en-US"}
    [e] = extract_json_records(json.dumps(rec))
    assert (e.byline, e.source, e.language) == ("Ana Lima", "Port News", "en")
    assert e.published == "2021-05-01T08:15:00+00:00"


def test_unknown_shape_names_keys():
    with pytest.raises(UnknownRecordShape, match="headline_text.*story"):
        extract_json_records(json.dumps({"headline_text": "x", "story": "y"}))


def test_syntax_error():
    with pytest.raises(UnreadableInput, match="invalid JSON"):
        extract_json_records('{"title": "x", "body": ')


def test_unreadable_date_warns():
    [e] = extract_json_records(json.dumps(dict(PLAIN, date="last Tuesday")))
    assert e.published is None and e.warnings


def test_jsonl_with_bad_lines():
    lines = [json.dumps(PLAIN), "{not json", json.dumps({"foo": 1}), "",
             json.dumps(NEWS_PLEASE)]
    out = extract_jsonl_records("\n".join(lines))
    assert len(out) == 4
    assert isinstance(out[0], Extracted) and isinstance(out[3], Extracted)
    assert isinstance(out[1], UnreadableInput) and "line 2" in str(out[1])
    assert isinstance(out[2], UnknownRecordShape) and "foo" in str(out[2])


def test_wrapper_object():
    out = extract_json_records(json.dumps({"articles": [PLAIN, PLAIN], "count": 2}))
    assert len(out) == 2


@pytest.mark.parametrize("body,expected", [
    ("a b\n\nc d", ["a b", "c d"]), ("a\nb\n", ["a", "b"]), ("a\nb\n\nc", ["a b", "c"]),
    ("  ", []),
])
def test_split_paragraphs(body, expected):
    assert split_paragraphs(body) == expected


def test_dataset_record_with_title_and_text():
    """title/text/date/domain/description: the record layout of news datasets."""
    rec = {"title": "Port traffic up 20%", "text": f"{P1}\n\n{P2}", "date": "2021-05-01",
           "domain": "portnews.example", "description": "Cargo traffic rose by a fifth.",
           "url": "https://portnews.example/a/1"}
    [e] = extract_json_records(json.dumps([rec]))
    assert (e.title, e.published, e.source) == ("Port traffic up 20%", "2021-05-01",
                                                "portnews.example")
    assert e.summary == "Cargo traffic rose by a fifth." and e.paragraphs == [P1, P2]


@pytest.mark.parametrize("key", ["body", "text"])
def test_record_without_title_gets_a_stand_in_headline(key, tmp_path):
    from news_archive.ingest.pipeline import process_file

    (tmp_path / "r.json").write_text(json.dumps({key: f"{P1}\n\n{P2}", "date": "2021-05-01"}))
    [draft] = process_file(str(tmp_path), "r.json").drafts
    e = draft.extracted
    assert e.title and P1.startswith(e.title.rstrip("…"))
    assert any("no headline" in w for w in e.warnings)
    assert e.paragraphs == [P1, P2] and e.published == "2021-05-01"


@pytest.mark.parametrize("value, iso", [
    ("May 1, 2021", "2021-05-01"),
    ("1 May 2021", "2021-05-01"),
    ("01.05.2021", "2021-05-01"),  # dotted: day first
    ("25/05/2021", "2021-05-25"),  # only one reading
    ("1 мая 2021", "2021-05-01"),
])
def test_record_dates_written_out_in_words_or_day_first(value, iso):
    [e] = extract_json_records(json.dumps(dict(PLAIN, date=value)))
    assert e.published == iso and e.published_source == "record"


def test_an_ambiguous_record_date_gives_way_to_the_dateline(tmp_path):
    """"05/01/2022" may be 5 January or 1 May: it is not guessed; the dateline dates it."""
    from news_archive.ingest.pipeline import process_file

    body = f"LISBON, 5 January 2022 — {P1}\n\n{P2}"
    (tmp_path / "r.json").write_text(json.dumps(dict(PLAIN, body=body, date="05/01/2022")))
    [draft] = process_file(str(tmp_path), "r.json").drafts
    e = draft.extracted
    assert e.published == "2022-01-05" and e.published_source == "dateline"
    assert any("ambiguous date '05/01/2022'" in w for w in e.warnings)

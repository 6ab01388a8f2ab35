"""Relative publication times ("Published 3 hours ago") and the dates they give a post.

The samples are written for these tests.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest
from news_archive import posts
from news_archive.extract.relative_date import find_relative_time
from news_archive.ingest import ingest
from rawtexts import distinct_paragraphs, raw_dump


@pytest.mark.parametrize(("line", "seconds"), [
    ("Published 3 hours ago", 3 * 3600),
    ("Updated an hour ago", 3600),
    ("45 mins ago", 45 * 60),
    ("2 days ago", 2 * 86400),
    ("vor 3 Stunden", 3 * 3600),
    ("vor einem Tag", 86400),
    ("il y a 2 heures", 2 * 3600),
    ("hace 5 horas", 5 * 3600),
    ("há 3 dias", 3 * 86400),
    ("3 ore fa", 3 * 3600),
    ("3 часа назад", 3 * 3600),
    ("2 дня назад", 2 * 86400),
    ("5 годин тому", 5 * 3600),
    ("3 saat önce", 3 * 3600),
])
def test_relative_times_in_several_languages(line, seconds):
    found = find_relative_time([line])
    assert found is not None and found.seconds == seconds and found.line == line


@pytest.mark.parametrize("line", [
    "2 weeks ago", "3 months ago", "a year ago",  # too coarse to name a day
    "Two days ago, the council met in the town hall and decided to raise spending on the "
    "libraries by a tenth, officials said on Thursday.",  # prose, not a date line
])
def test_coarse_times_and_prose_give_no_age(line):
    assert find_relative_time([line]) is None


def _saved_at(path, when: datetime) -> None:
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))


def test_a_dump_with_only_a_relative_time_is_dated_back_from_the_file_time(dirs):
    raw, out = dirs
    page = raw / "fresh.txt"
    page.write_text(raw_dump("Harbour Reopens After The Winter Storm", distinct_paragraphs(3),
                             dateline="Published 3 hours ago"))
    _saved_at(page, datetime(2021, 7, 7, 2, 0, tzinfo=timezone.utc))
    report = ingest(raw, out)
    header = posts.read_header(out / "harbour-reopens-after-the-winter-storm.md")
    assert header["date"] == "2021-07-06 23:00"  # the day before, in UTC
    assert header["date-source"] == "file-mtime-relative"
    assert any("Published 3 hours ago" in w for _, w in report.warnings)
    assert "fresh.txt" not in report.undated


def test_a_record_whose_date_is_relative(dirs):
    raw, out = dirs
    record = raw / "feed.json"
    record.write_text(json.dumps({"title": "Ferries Return To The Old Pier",
                                  "date": "vor 2 Stunden",
                                  "text": "\n\n".join(distinct_paragraphs(2))}))
    _saved_at(record, datetime(2021, 7, 7, 12, 30, tzinfo=timezone.utc))
    report = ingest(raw, out)
    header = posts.read_header(out / "ferries-return-to-the-old-pier.md")
    assert header["date"] == "2021-07-07 10:30"
    assert not any("unreadable date" in w for _, w in report.warnings)

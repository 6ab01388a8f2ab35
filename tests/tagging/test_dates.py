"""Mentioned-date extraction and resolution against the published date."""

from news_archive.tagging.dates import mentioned_dates


def test_month_day_resolved_against_published_year():
    assert mentioned_dates("The appeal came on July 7.", "2021-07-09") == ["2021-07-07"]


def test_month_day_near_new_year_goes_to_previous_year():
    assert mentioned_dates("It began on December 30.", "2021-01-04") == ["2020-12-30"]


def test_last_weekday():
    # 2021-07-07 is a Wednesday
    assert mentioned_dates("He resigned last Tuesday.", "2021-07-07") == ["2021-07-06"]
    assert mentioned_dates("They met on Monday.", "2021-07-07") == ["2021-07-05"]


def test_year_only_and_full_dates():
    text = "A 2013 resolution; signed July 4, 2021 and 05.07.2021; due in March 2022."
    assert mentioned_dates(text, None) == ["2013", "2021-07-04", "2021-07-05", "2022-03"]


def test_relative_dates_need_published():
    assert mentioned_dates("on July 7 and last Tuesday", None) == []


def test_numbers_are_not_years():
    assert mentioned_dates("over 1,000 people and 2,013 troops, 20,000 officers", None) == []

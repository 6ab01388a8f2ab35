"""Datelines and date lines in the forms news sites use, in many languages and scripts.

Every sample below is written for these tests (no corpus text).  "No year -> no date": a
dateline without a year never yields a guessed date.
"""

from __future__ import annotations

from datetime import date

import pytest
from news_archive.extract.dateline import read_dateline
from news_archive.extract.html_page import extract_html_page
from news_archive.extract.published import date_label, find_dates, jalali_to_gregorian
from news_archive.extract.text_dump import extract_text_dump

TODAY = date(2030, 1, 1)
HEADLINE = "Council approves new library budget"
STORY = ("The regional council approved a new budget for public libraries on Thursday, "
         "raising spending on books and reading rooms by a tenth, officials said.")
MORE = ("Council members from both parties supported the plan, which also funds longer "
        "opening hours in rural branches during the winter months.")
LAST = ("Librarians welcomed the decision but warned that staff shortages would have to be "
        "solved before the new hours can start in the spring.")


def dump(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


DATELINES = {
    # dashes, commas, agency tags, AP abbreviations, weekday prefixes
    "dash around the date": ("LEBANON — June 3, 2019 —", "2019-06-03"),
    "place and region, dash": ("TBILISI, Georgia — May 26, 2021 —", "2021-05-26"),
    "agency tag, AP month": ("GENEVA (Reuters) — Feb. 9, 2021 —", "2021-02-09"),
    "comma form": ("BEIRUT, June 3, 2019 —", "2019-06-03"),
    "weekday prefix": ("WASHINGTON (AP) — Tuesday, Sept. 14, 2021 —", "2021-09-14"),
    "agency after the date": ("PARIS, 3 juin 2019 (AFP) -", "2019-06-03"),
    "day-first German, agency": ("BERLIN (dpa) - 3. Juni 2019 -", "2019-06-03"),
    "dotted date": ("MÜNCHEN, 03.06.2019 —", "2019-06-03"),
    "en dash, double hyphen": ("NAIROBI, Kenya, 4 March 2020 --", "2020-03-04"),
    "time and zone": ("NEW YORK, Jan. 5, 2022, 10:30 a.m. EST —", "2022-01-05"),
    "Russian, Cyrillic": ("ТАШКЕНТ, 5 мая 2019 —", "2019-05-05"),
    "Russian with year word": ("МОСКВА, 12 апреля 2021 г. —", "2021-04-12"),
    "Ukrainian": ("КИЇВ, 7 травня 2020 —", "2020-05-07"),
    "Kazakh": ("АСТАНА, 15 мамыр 2019 —", "2019-05-15"),
    "Turkish, agency": ("ANKARA, 5 Haziran 2019 (AA) –", "2019-06-05"),
    "Persian digits": ("تهران، ۱۵ مه ۲۰۱۹ —", "2019-05-15"),
    "Arabic": ("بيروت، 3 يونيو 2019 —", "2019-06-03"),
    "Levantine month name": ("دمشق، 5 كانون الثاني 2020 —", "2020-01-05"),
    "Spanish with de": ("MADRID, 3 de junio de 2019 —", "2019-06-03"),
    "TASS style": ("МИНСК, 3 июня 2019 /ТАСС/.", "2019-06-03"),
    "Persian, Solar Hijri": ("تهران، ۱۴ اردیبهشت ۱۳۹۸ —", "2019-05-04"),
    "Dari, Solar Hijri": ("کابل، ۵ اسد ۱۳۹۸ —", "2019-07-27"),
    "Spanish wire, full stop and dash": ("Lima, 22 de agosto de 2022.-", "2022-08-22"),
    "Spanish, full stop, spaced dash": ("BOGOTÁ, 4 de marzo de 2021. —", "2021-03-04"),
}


@pytest.mark.parametrize("name", sorted(DATELINES))
def test_dateline_forms_date_the_article(name):
    dateline, iso = DATELINES[name]
    ex = extract_text_dump(dump(HEADLINE, f"{dateline} {STORY}", MORE, LAST), today=TODAY)
    assert ex.published == iso, name
    assert ex.published_source == "dateline"
    assert ex.title == HEADLINE
    assert ex.paragraphs[0].startswith(dateline)  # the article's words are kept


@pytest.mark.parametrize("name", sorted(DATELINES))
def test_read_dateline_splits_place_from_story(name):
    dateline, iso = DATELINES[name]
    dl = read_dateline(f"{dateline} {STORY}", TODAY)
    assert dl is not None and dl.published == iso
    assert f"{dateline} {STORY}"[dl.end :] == STORY


@pytest.mark.parametrize("dateline", [
    "LONDON, June 3 —", "LEBANON — June 3 —", "GENEVA (Reuters) — Feb. 9 —",
    "ТАШКЕНТ, 5 мая —", "WASHINGTON (AP) — Tuesday —",
])
def test_no_year_no_date(dateline):
    ex = extract_text_dump(dump(HEADLINE, f"{dateline} {STORY}", MORE, LAST), today=TODAY)
    assert ex.published is None


def test_dateline_without_date_is_still_read():
    dl = read_dateline(f"LONDON (Reuters) - {STORY}", TODAY)
    assert dl is not None and dl.published is None and dl.place == "LONDON"
    assert f"LONDON (Reuters) - {STORY}"[dl.end :] == STORY


@pytest.mark.parametrize("text", [
    STORY,
    "The mayor said on June 3, 2019 — a Monday — that the plan would go ahead.",
    "last year, on June 3, 2019 - officials met again to discuss the plan in detail.",
])
def test_sentences_are_not_datelines(text):
    dl = read_dateline(text, TODAY)
    assert dl is None or dl.published is None


def test_future_dateline_ignored():
    ex = extract_text_dump(dump(HEADLINE, f"BEIRUT, June 3, 2031 — {STORY}", MORE, LAST),
                           today=TODAY)
    assert ex.published is None


@pytest.mark.parametrize("text,iso", [
    ("Tuesday, Sept. 14, 2021", "2021-09-14"),
    ("3. Juni 2019", "2019-06-03"),
    ("5 Mayıs 2019", "2019-05-05"),
    ("12 Μαΐου 2019", "2019-05-12"),
    ("2019. május 5.", "2019-05-05"),
    ("2019 m. gegužės 5 d.", "2019-05-05"),
    ("5-го мая 2019 года", "2019-05-05"),
    ("۵ مه ۲۰۱۹", "2019-05-05"),
    ("5 مايو 2019", "2019-05-05"),
    ("14 Nisan 2020 10:42", "2020-04-14"),
    ("2019-06-03T10:00:00+02:00", "2019-06-03"),
    ("June 3rd, 2019 at 5:45 p.m. EDT", "2019-06-03"),
])
def test_date_forms_in_many_languages(text, iso):
    assert [d.iso for d in find_dates(text, TODAY)] == [iso]


# The languages the archive's readers collect news in (issue 15), and others whose CLDR
# formats differ in form: year first with its word ("2021 ж. 7 шілде"), day and month joined
# by a hyphen ("7-iyul, 2021"), dots with spaces ("7. 7. 2021", "2021. 7. 7."), Arabic commas,
# directional marks between the parts ("07\u200f/07\u200f/2021"), Hebrew's prefixed months.
CLDR_LOCALES = ("ru uk be kk uz uz_Cyrl tg ky tk az tr fa ar ur ps he de fr es pt it pl id "
                "nl cs sk sr sl hu ro bg el ka hy lt lv et zh ja ko").split()


@pytest.mark.parametrize("locale", CLDR_LOCALES)
def test_cldr_date_formats_of_each_language(locale):
    from babel.dates import format_date

    # (Hebrew's abbreviated months end in a geresh, "בנוב׳", which the month table lacks)
    forms = ("full", "long") if locale == "he" else ("full", "long", "medium")
    for day in (date(2021, 7, 7), date(2019, 11, 23), date(2012, 12, 12), date(2020, 2, 1)):
        for form in forms:
            text = format_date(day, form, locale=locale)
            assert [d.iso for d in find_dates(text, TODAY)][:1] == [day.isoformat()], text


@pytest.mark.parametrize(("text", "iso"), [
    ("نشر في 01/02/2020", "2020-02-01"),  # Arabic script: day first (CLDR ar "d/M/y")
    ("01\u200f/02\u200f/2020", "2020-02-01"),  # right-to-left marks: an Arabic locale's format
    ("Published 01/02/2020", "2020-01-02"),  # otherwise month first, as before
    ("تاریخ انتشار: ۱۳۹۸/۰۲/۱۴", "2019-05-04"),  # Solar Hijri, in digits, year first
    ("1398.02.14", "2019-05-04"),
])
def test_slashed_dates_by_script_and_solar_hijri_dates_in_digits(text, iso):
    assert [d.iso for d in find_dates(text, TODAY)] == [iso]


def test_solar_hijri_digits_need_a_real_month_and_day():
    assert find_dates("1398/13/01", TODAY) == [] and find_dates("1400/12/31", TODAY) == []
    assert find_dates("ISBN 1398-02-14", TODAY) == []  # (hyphens: not this form)


def test_a_date_read_across_directional_marks_keeps_its_place_in_the_text():
    text = "Published 07\u200f/07\u200f/2021"
    found = find_dates(text, TODAY)
    assert [d.iso for d in found] == ["2021-07-07"]
    assert text[found[0].start : found[0].end] == "07\u200f/07\u200f/2021"


@pytest.mark.parametrize("jalali,iso", [
    ((1398, 1, 1), (2019, 3, 21)), ((1399, 12, 30), (2021, 3, 20)),
    ((1400, 10, 11), (2022, 1, 1)), ((1403, 1, 1), (2024, 3, 20)),
])
def test_solar_hijri_conversion(jalali, iso):
    assert jalali_to_gregorian(*jalali) == iso


@pytest.mark.parametrize("text", ["June 3", "5 мая", "in March 2019", "Stadium 3, 2019",
                                  "۱۴ اردیبهشت"])
def test_no_full_date(text):
    assert find_dates(text, TODAY) == []


@pytest.mark.parametrize("line,iso", [
    ("Published June 3, 2019 | Updated June 4, 2019", "2019-06-03"),
    ("Updated June 4, 2019 | Published June 3, 2019", "2019-06-03"),
    ("Published 2 hours ago | Updated June 4, 2019", "2019-06-04"),
    ("Опубликовано 5 мая 2019, обновлено 6 мая 2019", "2019-05-05"),
    ("Güncelleme: 6 Mayıs 2019 — Yayınlanma: 5 Mayıs 2019", "2019-05-05"),
])
def test_published_wins_over_updated(line, iso):
    ex = extract_text_dump(dump(HEADLINE, line, STORY, MORE, LAST), today=TODAY)
    assert ex.published == iso


def test_nearest_label_names_the_date():
    line = "Published 2 hours ago | Updated June 4, 2019"
    (d,) = find_dates(line, TODAY)
    assert date_label(line, d.start) == "updated"


def test_saved_page_without_date_metadata_uses_dateline():
    body = "".join(f"<p>{p}</p>" for p in (f"GENEVA (Reuters) — Feb. 9, 2021 — {STORY}",
                                            MORE, LAST, STORY.replace("Thursday", "Friday")))
    html = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
            f"{body}</article></body></html>")
    ex = extract_html_page(html)
    assert ex.published == "2021-02-09"
    assert ex.published_source == "dateline"


@pytest.mark.parametrize(("text", "iso"), [
    ("Nov 15, 20195:45 AM", "2019-11-15"),
    ("Published Tue, Nov 19 20197:05 AM EST", "2019-11-19"),
    ("15 November 201912:30", "2019-11-15"),
])
def test_year_glued_to_the_time_by_a_text_converter(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


def test_year_followed_by_other_digits_is_no_year():
    assert find_dates("Nov 15, 20191") == []


def test_date_line_with_its_update_far_from_the_headline_dates_the_article():
    """Layouts that put "date | time | Updated date | time" above a gallery, several blocks
    from the headline: the first date, not the update, is the publication date."""
    stamp = "November 19, 2019 | 4:20am | Updated November 20, 2019 | 9:32pm"
    filler = [f"Photo {n} of the reading room in the central library" for n in range(5)]
    ex = extract_text_dump(dump("Most popular", stamp, *filler, HEADLINE, STORY, MORE, LAST),
                           today=TODAY)
    assert ex.published == "2019-11-19"

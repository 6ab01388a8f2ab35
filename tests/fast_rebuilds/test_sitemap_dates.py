"""The sitemap's dates, formatted without Pelican's slow strftime, are the plugin's own text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from fast_rebuilds.incremental import sitemap as fast
from pelican.plugins.sitemap import sitemap
from pelican.utils import SafeDatetime

DATES = [SafeDatetime(2024, 12, 29, 10, 5, 3), datetime(2001, 1, 1),
         SafeDatetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=timezone.utc),
         SafeDatetime(2020, 6, 1, tzinfo=timezone(timedelta(hours=5, minutes=30))),
         SafeDatetime(2020, 6, 1, 23, 59, 59, tzinfo=timezone(timedelta(hours=-11))),
         datetime(999, 5, 5), datetime(2020, 1, 1, tzinfo=timezone(timedelta(seconds=3661)))]


@pytest.mark.parametrize("date", DATES, ids=str)
def test_fast_format_date_gives_the_plugins_text(date) -> None:
    assert fast.fast_format_date(date) == sitemap.format_date(date)


def test_the_sitemap_plugin_gets_the_fast_formatter_once(monkeypatch) -> None:
    monkeypatch.setattr(sitemap, "format_date", sitemap.format_date)
    original = sitemap.format_date
    fast.stable_sitemap_time([])
    assert sitemap.format_date is fast.fast_format_date
    assert fast.fast_format_date.original is original
    fast.stable_sitemap_time([])  # a second build does not wrap it again
    assert fast.fast_format_date.original is original

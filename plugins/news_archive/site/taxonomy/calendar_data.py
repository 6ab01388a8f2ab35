"""Groupings for index pages: countries by region, and the archive calendar (years, months)."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import datetime

from jinja2 import pass_context

from ...countries import REGION_ORDER


def regions(countries: list) -> list[tuple[str, list]]:
    """[(region, countries A-Z)] in a fixed region order; unknown countries under "Other"."""
    groups: dict[str, list] = {}
    for c in countries:
        groups.setdefault(getattr(c, "region", "Other") or "Other", []).append(c)
    order = {r: i for i, r in enumerate(REGION_ORDER)}
    return [(r, sorted(groups[r], key=lambda c: c.name.lower()))
            for r in sorted(groups, key=lambda r: (order.get(r, 99), r))]


def archive_url(settings, level: str, date) -> str | None:
    """URL of the `level` ("YEAR", "MONTH", "DAY") archive page holding `date`; None when that
    archive is not written."""
    fmt = settings.get(f"{level}_ARCHIVE_SAVE_AS") and settings.get(f"{level}_ARCHIVE_URL")
    return fmt.format(date=date) if fmt else None


def news_calendar(articles, settings: dict) -> list[dict]:
    """Years (newest first) with counts and URLs, each with its months and their counts/URLs."""
    months: Counter = Counter()
    days: Counter = Counter()
    sample = {}
    for a in articles:
        d = a.date
        months[(d.year, d.month)] += 1
        days[(d.year, d.month, d.day)] += 1
        sample.setdefault((d.year, d.month), d)

    by_month: dict[tuple[int, int], list] = {}
    for (y, m, dd), n in sorted(days.items()):
        by_month.setdefault((y, m), []).append((dd, n))
    years: dict[int, dict] = {}
    for (y, m) in sorted(months, reverse=True):
        d = sample[(y, m)]
        year = years.setdefault(y, {"year": y, "count": 0, "months": [],
                                    "url": archive_url(settings, "YEAR", d)})
        year["count"] += months[(y, m)]
        mdays = [{"day": dd, "count": n, "url": archive_url(settings, "DAY", d.replace(day=dd))}
                 for dd, n in by_month[(y, m)]]
        year["months"].append({"num": m, "name": calendar.month_name[m],
                               "abbr": calendar.month_abbr[m], "count": months[(y, m)],
                               "url": archive_url(settings, "MONTH", d), "days": mdays})
    for year in years.values():
        year["months"].sort(key=lambda x: x["num"])
    return list(years.values())


@pass_context
def period_url(ctx, period_num, level: str) -> str:
    """Jinja filter: URL of the `"YEAR"`, `"MONTH"` or `"DAY"` archive page of a period
    (`period_num` of Pelican's period archives), "" when that archive is not written."""
    parts = {"YEAR": 1, "MONTH": 2, "DAY": 3}[level]
    if len(period_num) < parts:
        return ""
    y, m, d = (*period_num[:parts], 1, 1)[:3]
    return archive_url(ctx, level, datetime(y, m, d)) or ""

"""period_archives: Pelican's year/month/day groupings, same result in linear time."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from types import SimpleNamespace

from fast_rebuilds import period_archives
from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG


class FakeArticle:
    def __init__(self, n: int, date: datetime) -> None:
        self.n, self.date = n, date


def test_same_archives_as_pelicans_own(monkeypatch) -> None:
    rng = random.Random(5)
    arts = [FakeArticle(i, datetime(2019, 1, 1) + timedelta(hours=rng.randrange(24 * 900)))
            for i in range(400)]
    sorted_articles = sorted(arts, key=lambda a: a.date, reverse=True)
    listed = sorted(arts, key=lambda a: (a.date.month, a.n))  # any other order
    settings = {**DEFAULT_CONFIG, "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
                "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
                "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/index.html",
                "YEAR_ARCHIVE_URL": "{date:%Y}/", "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
                "DAY_ARCHIVE_URL": "{date:%Y}/{date:%m}/{date:%d}/"}
    original = ArticlesGenerator.__dict__["_build_period_archives"]
    if original is period_archives.build_period_archives:  # installed by another test
        monkeypatch.setattr(ArticlesGenerator, "_build_period_archives",
                            period_archives._PELICANS)
        original = period_archives._PELICANS
    theirs = original(SimpleNamespace(), sorted_articles, listed, settings)
    ours = period_archives.build_period_archives(None, sorted_articles, listed, settings)
    assert set(ours) == set(theirs) == {"year", "month", "day"}
    for granularity in theirs:
        assert ours[granularity] == theirs[granularity]
    assert len(ours["day"]) > 300


def test_installed_only_over_the_known_method(monkeypatch) -> None:
    monkeypatch.setattr(ArticlesGenerator, "_build_period_archives",
                        period_archives._PELICANS)
    assert period_archives.install()
    assert ArticlesGenerator._build_period_archives is period_archives.build_period_archives

    def changed(self, sorted_articles, articles, settings):
        return {}

    monkeypatch.setattr(ArticlesGenerator, "_build_period_archives", changed)
    assert not period_archives.install()
    assert ArticlesGenerator._build_period_archives is changed

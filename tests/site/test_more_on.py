"""The "More on ..." lists under an article: the closest articles in date sharing an entity,
none listed twice (unit test on stand-in objects)."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

from news_archive.site.taxonomy.generator import more_on


def _entity(name: str, articles: list) -> SimpleNamespace:
    return SimpleNamespace(name=name, count=len(articles), articles=articles,
                           _positions={id(a): i for i, a in enumerate(articles)})


def test_an_article_is_listed_under_one_entity_only():
    start = datetime(2022, 4, 1)
    arts = [SimpleNamespace(date=start + timedelta(days=d), news_entities={}) for d in range(8)]
    me = arts[4]
    org = _entity("Water Council", arts)  # every article names the council ...
    country = _entity("Freedonia", arts)  # ... and the country
    me.news_entities = {"organization": [org], "country": [country]}
    lists = more_on(me)
    assert [e.name for e, _ in lists] == ["Water Council", "Freedonia"]
    first, second = lists[0][1], lists[1][1]
    assert len(first) == len(second) == 3
    assert not {id(a) for a in first} & {id(a) for a in second}
    assert me not in first + second
    assert {a.date.day for a in first} == {4, 6, 3}  # the closest in date: Apr 4, 6, 3
    assert all(a.date >= b.date for a, b in zip(first, first[1:], strict=False))  # newest first


def _window_sort(articles: list, pos: int, reach: int, k: int, shown: set) -> list:
    """What `more_on` did before `nearest`: a stable sort of the whole window by distance."""
    window = articles[max(0, pos - reach): pos + reach + 1]
    when = articles[pos].date
    return sorted((a for a in window if id(a) not in shown),
                  key=lambda a: abs((a.date - when).total_seconds()))[:k]


def test_nearest_is_the_window_sorted_by_distance():
    """Same articles in the same order as sorting the window, with many equal dates (ties)."""
    import random

    from news_archive.site.taxonomy.nearest import nearest

    rng = random.Random(3)
    for trial in range(300):
        n = rng.randrange(1, 40)
        start = datetime(2021, 1, 1)
        dates = sorted((start + timedelta(hours=rng.choice([0, 6, 24, 30, 48]) * rng.randrange(6))
                        for _ in range(n)), reverse=True)  # newest first, as entities hold them
        arts = [SimpleNamespace(n=i, date=d) for i, d in enumerate(dates)]
        pos, reach, k = rng.randrange(n), rng.randrange(0, 15), rng.randrange(1, 5)
        shown = {id(arts[pos])} | {id(a) for a in rng.sample(arts, rng.randrange(0, n // 2 + 1))}
        expected = _window_sort(arts, pos, reach, k, shown)
        got = nearest(arts, pos, reach, k, lambda a, s=shown: id(a) in s)
        assert [a.n for a in got] == [a.n for a in expected], trial

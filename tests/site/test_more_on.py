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

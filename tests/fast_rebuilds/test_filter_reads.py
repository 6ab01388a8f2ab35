"""The article filters read only what they declare (incremental rendering relies on it)."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from news_archive.site import linked_data
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG


class Recorder:
    """Stands in for an article and notes every attribute read of it."""

    def __init__(self, target) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_read", set())

    def __getattribute__(self, name):
        if name in ("_target", "_read"):
            return object.__getattribute__(self, name)
        object.__getattribute__(self, "_read").add(name)
        return getattr(object.__getattribute__(self, "_target"), name)


def _article(summary: bool, frozen: bool, wrapped: bool) -> Article:
    meta = {"title": "Talks in Dushanbe", "date": datetime(2021, 7, 7),
            "countries": "TJ;AF", "organizations": "Collective Security Treaty Organization",
            "organization-aliases": "CSTO=Collective Security Treaty Organization",
            "source": "RFE/RL", "language": "en", "original-url": "https://example.org/a"}
    if summary:
        meta["summary"] = "<p>Standfirst</p>"
    art = Article("<p>Body text of the article.</p>", meta, settings=dict(DEFAULT_CONFIG),
                  source_path="a.md")
    if frozen:
        art.frozen_summary = "<p>Body text of the article.</p>"
    if wrapped:
        tj = SimpleNamespace(name="Tajikistan", code="TJ", aliases=[], url="country/tj/")
        org = SimpleNamespace(name="Collective Security Treaty Organization", aliases=["CSTO"],
                              url="organization/csto/")
        art.news_entities = {"country": [tj], "organization": [org], "person": []}
    return art


@pytest.mark.parametrize(("summary", "frozen", "wrapped"),
                         [(True, True, True), (False, True, True), (True, False, False),
                          (False, True, False)])
def test_article_filters_read_only_declared_attributes(summary, frozen, wrapped) -> None:
    ctx = {**DEFAULT_CONFIG, "SITEURL": "https://example.org", "SITENAME": "Archive"}
    art = _article(summary, frozen, wrapped)
    declared = linked_data.fact_reads(art)
    assert declared is not None
    for name, flt in (("facts", linked_data.news_article_facts),
                      ("jsonld", linked_data.news_article_jsonld)):
        rec = Recorder(_article(summary, frozen, wrapped))
        result = flt(ctx, rec)
        assert result, name
        assert object.__getattribute__(rec, "_read") - {"__dict__"} <= set(declared), name


def test_pelicans_own_summary_means_the_whole_article() -> None:
    """Without a header summary or frozen_summary the filters would compute Pelican's summary,
    which depends on more than the declared attributes: the whole article is noted."""
    assert linked_data.fact_reads(_article(summary=False, frozen=False, wrapped=True)) is None

"""The Pelican generator that writes entity pages, entity indexes and per-entity Atom feeds."""

from __future__ import annotations

import logging
from functools import partial

from markupsafe import Markup
from pelican.generators import Generator

from ...settings import PLURAL
from ..summary import summary_of
from . import calendar_data
from .index import KINDS, EntityIndex, build_index
from .nearest import nearest
from .timeline_cache import Timelines
from .wrappers import Entity

log = logging.getLogger("news_archive.taxonomy")


class SummaryItem:
    """An article as a summary-only feed entry (Pelican's Atom writer embeds full content)."""

    def __init__(self, article) -> None:
        self._a = article
        self.title, self.url, self.date = article.title, article.url, article.date
        self.summary = summary_of(article)
        self.author = getattr(article, "author", "")
        if hasattr(article, "category"):
            self.category = article.category

    def get_content(self, _siteurl: str) -> None:
        return None

    def __fingerprint__(self) -> tuple:
        """What the feed shows of the item comes from the article's own state (title, URL,
        date, summary, metadata), which its ref fingerprint covers."""
        return (self._a,)


def more_on(article, limit_entities: int = 3, per_entity: int = 3) -> list[tuple[Entity, list]]:
    """A few other articles sharing an entity: organizations, then people, then countries,
    those closest in date first; an article listed under one entity is not listed again
    under the next."""
    ents = getattr(article, "news_entities", {})
    picked: list[Entity] = []
    for kind in ("organization", "person", "country"):
        picked += [e for e in ents.get(kind, []) if e.count > 1][:1]
    out = []
    shown = {id(article)}
    reach = per_entity * (limit_entities + 1)  # room for the ones listed above
    for e in picked[:limit_entities]:
        pos = e._positions.get(id(article))
        if pos is None:  # not among the entity's articles (a stand-in): its first ones
            window = e.articles[:reach + 1]
            near = sorted((a for a in window if id(a) not in shown),
                          key=lambda a: abs((a.date - article.date).total_seconds()))[:per_entity]
        else:
            near = nearest(e.articles, pos, reach, per_entity, lambda a: id(a) in shown)
        shown.update(map(id, near))
        out.append((e, sorted(near, key=lambda a: a.date, reverse=True)))
    return out


def standfirst(article) -> Markup | None:
    """The header summary, unless the body already starts with it (no double standfirst)."""
    if "summary" not in article.metadata:
        return None
    summary = Markup(article.metadata["summary"])
    text = " ".join(summary.striptags().split())
    body = " ".join(Markup(article._content or "")[:2000].striptags().split())
    return None if not text or body.startswith(text[:200]) else summary


class EntityGenerator(Generator):
    """Countries, organizations and persons as taxonomies (pages, indexes, feeds)."""

    index: EntityIndex

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        timelines = Timelines(self.settings.get("CACHE_PATH") if
                              self.settings.get("CACHE_CONTENT") else None)
        self.index = build_index(articles, self.settings,
                                 int(self.settings["NEWS_ARCHIVE_RELATED_LIMIT"]),
                                 draw=timelines.svg)
        timelines.save()
        for kind in KINDS:
            for e in self.index.entities[kind]:
                e._positions = {id(a): i for i, a in enumerate(e.articles)}
        for article in articles:
            article.news_more = more_on(article)
            article.news_standfirst = standfirst(article)
        top = int(self.settings["NEWS_ARCHIVE_HOME_TOP"])
        self.context.update(
            news_countries=self.index.entities["country"],
            news_organizations=self.index.entities["organization"],
            news_persons=self.index.entities["person"],
            news_top_countries=self.index.entities["country"][:top],
            news_top_organizations=self.index.entities["organization"][:top],
            news_country_regions=calendar_data.regions(self.index.entities["country"]),
        )

    def generate_output(self, writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        for kind in KINDS:
            entities = self.index.entities[kind]
            template = self.get_template(kind)
            for e in entities:
                write(e.save_as, template, self.context, url=e.url, page_name=e.page_name,
                      template_name=kind, articles=e.articles, entity=e, blog=True,
                      **{kind: e})
                if e.feed_save_as:
                    writer.write_feed([SummaryItem(a) for a in
                                       e.articles[: self.settings["FEED_MAX_ITEMS"]]],
                                      self.context, e.feed_save_as, e.feed_url,
                                      feed_title=e.name)
            plural = PLURAL[kind]
            save_as = self.settings[f"{plural.upper()}_SAVE_AS"]
            if save_as:
                write(save_as, self.get_template(plural), self.context,
                      url=self.settings[f"{plural.upper()}_URL"], template_name=plural,
                      entities=entities, kind=kind, blog=True)

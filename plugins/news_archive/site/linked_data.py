"""Entities of an article as plain data, and the structured data built on them (JSON-LD, OG).

Uses the taxonomy's wrappers (`article.news_entities`) when the entity generator ran, else the
post header strings (`countries`, `organizations`, `organization-aliases`, `persons`).
Templates reach this module through the Jinja filters of `JINJA_FILTERS` (see `filters()`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jinja2 import pass_context
from markupsafe import Markup

from .. import countries
from .summary import summary_of

KINDS = ("country", "organization", "person")
HEADER_KEYS = {"country": "countries", "organization": "organizations", "person": "persons"}
SCHEMA_TYPES = {"country": "Place", "organization": "Organization", "person": "Person"}
_ISO2 = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Entity:
    """One named entity as an article mentions it; `key` is the ISO code or the name."""

    kind: str
    key: str
    name: str
    url: str = ""
    aliases: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.key}"


def country_name(code: str) -> str:
    """Display name of an ISO 3166 alpha-2 code (the code itself when unknown)."""
    info = countries.lookup(code)
    return info.name if info is not None else code


def country_aliases(code: str) -> tuple[str, ...]:
    """Other names of a country (alpha-3 code, ISO and official names)."""
    info = countries.lookup(code)
    return info.aliases if info is not None else ()


def split_header(value) -> list[str]:
    """A `;`-separated header value (or an already split list) as a list of strings."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split(";") if v.strip()]


def alias_map(value) -> dict[str, list[str]]:
    """`Organization-Aliases: CSTO=Collective...;...` -> {canonical name: [aliases]}."""
    out: dict[str, list[str]] = {}
    for item in split_header(value):
        alias, sep, name = item.partition("=")
        if sep and alias.strip() and name.strip():
            out.setdefault(name.strip(), []).append(alias.strip())
    return out


def _meta(article, key: str):
    meta = getattr(article, "metadata", None) or {}
    return meta[key] if key in meta else getattr(article, key.replace("-", "_"), None)


def _from_wrapper(kind: str, w) -> Entity:
    """The Entity of a taxonomy wrapper; kept on the wrapper (one per entity and build: its
    articles all share it, and its aliases are final before exports and pages ask)."""
    cached = getattr(w, "_news_entity", None)
    if cached is not None and cached.kind == kind:
        return cached
    name = str(getattr(w, "name", w))
    key = str(getattr(w, "code", "") or name) if kind == "country" else name
    aliases = tuple(str(a) for a in (getattr(w, "aliases", None) or ()))
    if kind == "country" and not aliases and _ISO2.match(key):
        aliases = country_aliases(key)
    ent = Entity(kind, key, name, str(getattr(w, "url", "") or ""), aliases)
    if hasattr(w, "__dict__"):
        w._news_entity = ent
    return ent


def article_entities(article) -> dict[str, list[Entity]]:
    """Countries, organizations and persons of an article (deduplicated, header order).

    Uses the taxonomy's URL wrappers (`article.news_entities`) when the entity generator ran,
    else the header strings, without URLs: only the taxonomy knows an entity's page (its slug
    may carry a collision suffix), and without the generator there are no entity pages.
    """
    wrapped = getattr(article, "news_entities", None)
    if isinstance(wrapped, dict):
        return {kind: [_from_wrapper(kind, w) for w in wrapped.get(kind, [])] for kind in KINDS}
    aliases = alias_map(_meta(article, "organization-aliases"))
    out: dict[str, list[Entity]] = {}
    for kind in KINDS:
        seen: dict[str, Entity] = {}
        for value in split_header(_meta(article, HEADER_KEYS[kind])):
            key = value.upper() if kind == "country" and _ISO2.match(value.upper()) else value
            if key in seen:
                continue
            if kind == "country":
                name, alias = country_name(key), country_aliases(key)
            else:
                name, alias = key, tuple(aliases.get(key, ()))
            seen[key] = Entity(kind, key, name, "", alias)
        out[kind] = list(seen.values())
    return out


def absolute(url: str, siteurl: str) -> str:
    """`url` on the deployed site when SITEURL is known, else left site-relative."""
    if not url or re.match(r"^[a-z][a-z0-9+.-]*:", url):
        return url
    return f"{siteurl.rstrip('/')}/{url.lstrip('/')}" if siteurl else url


def plain_text(html) -> str:
    """Text of an HTML fragment (summaries are rendered Markdown)."""
    return Markup(str(html or "")).striptags()


def _siteurl(ctx) -> str:
    """The configured SITEURL (kept in NEWS_ARCHIVE_SITEURL: the writer rewrites SITEURL under
    RELATIVE_URLS), else the page's relative path to the site root, so URLs resolve per page."""
    return str(ctx.get("NEWS_ARCHIVE_SITEURL", "") or ctx.get("SITEURL", "") or "")


def _iso(dt) -> str | None:
    return dt.isoformat() if dt is not None and hasattr(dt, "isoformat") else None


def entity_links(value) -> dict[str, list[str]]:
    """`Entity-Links` header (set from the owner's entity register): name -> ids/URLs and
    `country:XX`."""
    out: dict[str, list[str]] = {}
    for item in split_header(value):
        name, sep, links = item.partition("=")
        if sep and name.strip():
            out[name.strip()] = [v.strip() for v in links.split("|") if v.strip()]
    return out


def _header_links(article) -> str:
    return (getattr(article, "metadata", None) or {}).get("entity-links", "")


def _entity_node(e: Entity, siteurl: str, links: dict[str, list[str]] | None = None) -> dict:
    node: dict = {"@type": SCHEMA_TYPES[e.kind], "name": e.name}
    if e.kind == "country":
        node["identifier"] = e.key
    if e.aliases:
        node["alternateName"] = list(e.aliases)
    if e.url:
        node["url"] = absolute(e.url, siteurl)
    mine = (links or {}).get(e.key) or (links or {}).get(e.name) or []
    same = [v for v in mine if v.startswith(("http://", "https://"))]
    if same:
        node["sameAs"] = same
    home = next((v[8:] for v in mine if v.startswith("country:")), "")
    if home and e.kind == "organization":
        node["address"] = {"@type": "PostalAddress", "addressCountry": home}
    elif home and e.kind == "person":
        node["nationality"] = {"@type": "Country", "name": country_name(home)}
    return node


def article_facts(article, settings, siteurl: str = "") -> dict:
    """The facts of an article used for search filters, Open Graph, JSON-LD and exports.

    Computed once per article and site URL in a build (templates ask more than once).
    """
    cache = article.__dict__.setdefault("_news_facts", {})
    if siteurl not in cache:
        cache[siteurl] = _article_facts(article, settings, siteurl)
    return cache[siteurl]


def _article_facts(article, settings, siteurl: str) -> dict:
    ents = article_entities(article)
    date = getattr(article, "date", None)
    return {
        "title": str(getattr(article, "title", "") or ""),
        "url": absolute(getattr(article, "url", ""), siteurl),
        "date": _iso(date),
        "modified": _iso(getattr(article, "modified", None)),
        "date_text": getattr(article, "locale_date", "") or (_iso(date) or ""),
        "year": str(date.year) if date is not None and hasattr(date, "year") else "",
        "summary": plain_text(summary_of(article) or ""),
        "source": str(_meta(article, "source") or ""),
        "language": str(_meta(article, "language") or ""),
        "original_url": str(_meta(article, "original-url") or ""),
        "entities": ents,
    }


# What `article_facts` reads of an article (for incremental rendering, see `declare_reads`).
FACT_ATTRIBUTES = ("title", "url", "date", "modified", "locale_date", "metadata",
                   "frozen_summary", "source", "language", "original_url", "news_entities",
                   "byline", "settings", "organization_aliases", *HEADER_KEYS.values())


def fact_reads(article) -> tuple[str, ...] | None:
    """The attributes the article filters read of `article`; None if Pelican's own summary
    would be computed (no header summary and no `frozen_summary`)."""
    meta = getattr(article, "metadata", None) or {}
    if "summary" not in meta and getattr(article, "frozen_summary", None) is None:
        return None
    return FACT_ATTRIBUTES


# Filter name -> what it reads of its argument; incremental.py declares these.
FILTER_READS = {"news_article_facts": fact_reads, "news_article_jsonld": fact_reads}


@pass_context
def news_article_facts(ctx, article) -> dict:
    """Jinja filter: `article|news_article_facts` (see `article_facts`)."""
    return article_facts(article, ctx, _siteurl(ctx))


@pass_context
def news_article_jsonld(ctx, article) -> dict:
    """Jinja filter: schema.org NewsArticle of an article, to be printed with `|tojson`."""
    siteurl = _siteurl(ctx)
    f = article_facts(article, ctx, siteurl)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": f["title"],
        "datePublished": f["date"],
        "url": f["url"],
        "mainEntityOfPage": f["url"],
    }
    if f["modified"]:
        data["dateModified"] = f["modified"]
    if f["summary"]:
        data["description"] = f["summary"]
    if f["language"]:
        data["inLanguage"] = f["language"]
    if f["source"]:
        data["publisher"] = {"@type": "Organization", "name": f["source"]}
    from ..tagging.authors import author_names

    authors = author_names(str(_meta(article, "byline") or ""))
    if authors:
        data["author"] = [{"@type": "Person", "name": n} for n in authors]
    if f["original_url"]:
        data["isBasedOn"] = f["original_url"]
    ents = f["entities"]
    links = entity_links(_header_links(article))
    if ents["country"]:
        data["about"] = [_entity_node(e, siteurl, links) for e in ents["country"]]
    mentions = ents["organization"] + ents["person"]
    if mentions:
        data["mentions"] = [_entity_node(e, siteurl, links) for e in mentions]
    data["isPartOf"] = {"@type": "WebSite", "name": str(ctx.get("SITENAME", "")),
                        **({"url": siteurl + "/"} if siteurl else {})}
    return data


@pass_context
def news_entity_jsonld(ctx, entity, kind: str, articles=None, page_articles=None) -> dict:
    """Jinja filter: schema.org CollectionPage about a country/organization/person page.

    `articles`: all the entity's articles, or just their number; `page_articles`: this page's.
    """
    siteurl = _siteurl(ctx)
    ent = _from_wrapper(kind, entity)
    node = _entity_node(ent, siteurl)
    name, url = ent.name, ent.url
    listed = list(page_articles if page_articles is not None else (articles or []))
    links: dict[str, list[str]] = {}
    for a in listed if isinstance(listed, list) else ():
        links = entity_links(_header_links(a))
        if ent.key in links or ent.name in links:
            break
    node = _entity_node(ent, siteurl, links)
    name, url = ent.name, ent.url
    data: dict = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": f"{name} \u2014 {ctx.get('SITENAME', '')}".strip(" \u2014"),
        "url": absolute(url, siteurl),
        "about": node,
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": (articles if isinstance(articles, int) else len(articles))
            if articles is not None else len(listed),
            "itemListElement": [
                {"@type": "ListItem", "position": i,
                 "url": absolute(getattr(a, "url", ""), siteurl),
                 "name": str(getattr(a, "title", "") or "")}
                for i, a in enumerate(listed[:50], 1)
            ],
        },
    }
    return data


def filters() -> dict:
    """The Jinja filters this module offers to templates."""
    return {
        "news_article_facts": news_article_facts,
        "news_article_jsonld": news_article_jsonld,
        "news_entity_jsonld": news_entity_jsonld,
    }

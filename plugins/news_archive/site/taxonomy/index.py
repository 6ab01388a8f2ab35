"""Entity index: who is mentioned where, built in one pass over the articles (no list scans).

Header values stay plain strings (`Countries: AF;RU`); wrappers are rebuilt on every build.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ... import countries
from ...posts import split_list
from .timeline import timeline_svg
from .wrappers import Country, Entity, Organization, Person, assign_slugs, base_slug

KINDS = ("country", "organization", "person")
HEADER = {"country": "countries", "organization": "organizations", "person": "persons"}
CLASSES: dict[str, type[Entity]] = {"country": Country, "organization": Organization,
                                    "person": Person}


@dataclass
class EntityIndex:
    """Entities per kind (most covered first) and, per article, its entities per kind."""

    entities: dict[str, list[Entity]] = field(default_factory=dict)
    by_name: dict[str, dict[str, Entity]] = field(default_factory=dict)


def article_names(article) -> dict[str, list[str]]:
    """Entity names per kind from an article's header strings (order kept, duplicates dropped)."""
    out = {}
    for kind in KINDS:
        raw = getattr(article, HEADER[kind], "") or ""
        out[kind] = list(dict.fromkeys(split_list(raw if isinstance(raw, str) else ";".join(raw))))
    return out


def parse_aliases(value: str) -> list[tuple[str, str]]:
    """`CSTO=Collective Security Treaty Organization;...` -> [(alias, name)]."""
    pairs = []
    for item in split_list(value or ""):
        alias, sep, name = item.partition("=")
        if sep and alias.strip() and name.strip():
            pairs.append((alias.strip(), name.strip()))
    return pairs


def _make_entities(kind: str, names: set[str], settings: dict) -> dict[str, Entity]:
    """name -> wrapper with a unique slug (ISO codes for known countries)."""
    label = CLASSES[kind].__name__
    if kind != "country":
        slugs = assign_slugs({n: base_slug(n, settings) for n in names}, label)
        return {n: CLASSES[kind](n, settings, slugs[n]) for n in names}
    infos = {n: countries.lookup(n) for n in names}
    known = {n: i for n, i in infos.items() if i}
    # Known countries first so their ISO slugs win over unknown names slugging alike.
    wanted = {n: base_slug(n, settings) for n in names if n not in known}
    codes = {i.code.lower() for i in known.values()}
    for n in wanted:
        if wanted[n] in codes:
            wanted[n] += "-x"
    slugs = assign_slugs(wanted, label)
    out: dict[str, Entity] = {}
    for n in names:
        i = known.get(n)
        if i:
            out[n] = Country(i.name, settings, i.code.lower(), i.code, i.region, i.subregion)
        else:
            out[n] = Country(n, settings, slugs[n])
    return out


def _merge_same(entities: dict[str, Entity]) -> dict[str, Entity]:
    """Header values naming the same country ("RU", "Russia") share one wrapper."""
    seen: dict[str, Entity] = {}
    return {n: seen.setdefault(e.slug, e) for n, e in entities.items()}


def build_index(articles, settings: dict, related_limit: int = 8,
                draw=None) -> EntityIndex:
    """Wrappers with their articles, month counts, aliases and co-mentioned entities.
    `draw(months, name, uid)`: the timeline SVG (default: drawn every time)."""
    draw = draw or timeline_svg
    articles = sorted(articles, key=lambda a: a.date, reverse=True)
    parsed = [article_names(a) for a in articles]
    names: dict[str, set[str]] = {k: set() for k in KINDS}
    for p in parsed:
        for kind in KINDS:
            names[kind].update(p[kind])
    by_name = {k: _make_entities(k, names[k], settings) for k in KINDS}
    by_name["country"] = _merge_same(by_name["country"])

    aliases: dict[Entity, set[str]] = defaultdict(set)
    # Co-mentions counted by id(): wrappers hash in Python, ints in C (millions of updates).
    co: dict[int, Counter] = defaultdict(Counter)
    for article, p in zip(articles, parsed, strict=True):
        ents = {k: list(dict.fromkeys(by_name[k][n] for n in p[k])) for k in KINDS}
        article.news_entities = ents
        flat = [e for k in KINDS for e in ents[k]]
        month = (article.date.year, article.date.month)
        for e in flat:
            e.articles.append(article)
            e.months[month] += 1
        ids = [id(e) for e in flat]
        for i in ids:
            co[i].update(j for j in ids if j != i)
        orgs = by_name["organization"]
        for alias, name in parse_aliases(article.metadata.get("organization-aliases", "")):
            if name in orgs and alias != name:
                aliases[orgs[name]].add(alias)

    index = EntityIndex(by_name=by_name)
    by_id = {id(e): e for k in KINDS for e in by_name[k].values()}
    for kind in KINDS:
        unique = {id(e): e for e in by_name[kind].values()}.values()
        ranked = sorted(unique, key=lambda e: (-e.count, e.name.lower()))
        index.entities[kind] = ranked
        for e in ranked:
            e.aliases = sorted(aliases.get(e, ()), key=str.lower)
            grouped: dict[str, list[tuple[Entity, int]]] = {k: [] for k in KINDS}
            others = [(by_id[i], n) for i, n in co[id(e)].items()]
            for other, n in sorted(others, key=lambda x: (-x[1], x[0].name.lower())):
                if len(grouped[other.kind]) < related_limit:
                    grouped[other.kind].append((other, n))
            e.related = grouped
            e.timeline_svg = draw(e.months, e.name, f"tl-{e.kind}")
    return index

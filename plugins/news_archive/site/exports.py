"""Data exports of the archive, and robots.txt.

- `output/data/articles.json`: one record per article.
- `output/data/entities.json`: every country, organization and person with its article count.
- `output/data/co-mentions.csv`: entity pairs mentioned in the same articles (Gephi edge list).
- `output/robots.txt`: points crawlers to the sitemap.

Records are collected on `all_generators_finalized` (after the taxonomy generator, so its entity
URLs are known) and written on `finalized`. Cost is linear in articles (plus k^2 pairs for an
article with k entities).
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections import Counter
from itertools import combinations
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import ArticlesGenerator

from ..settings import setting
from .export_rows import ExportRows, context_key, records_json
from .linked_data import KINDS, Entity, _from_wrapper, absolute, article_entities
from .taxonomy.index import EntityIndex

log = logging.getLogger("news_archive.exports")

_state: dict = {}


def article_record(article, ents: dict[str, list[Entity]], siteurl: str = "") -> dict:
    """The export record of one article."""
    meta = getattr(article, "metadata", {}) or {}
    date = getattr(article, "date", None)
    record = {
        "slug": getattr(article, "slug", ""),
        "url": getattr(article, "url", ""),
        "title": str(getattr(article, "title", "") or ""),
        "date": date.isoformat() if date is not None else None,
        "source": str(meta.get("source") or "") or None,
        "countries": [e.key for e in ents["country"]],
        "organizations": [e.name for e in ents["organization"]],
        "persons": [e.name for e in ents["person"]],
        "language": str(meta.get("language") or "") or None,
        "original_url": str(meta.get("original-url") or "") or None,
    }
    if siteurl:
        record["permalink"] = absolute(record["url"], siteurl)
    return record


def build_exports(articles, settings) -> tuple[list[dict], list[dict], list[tuple]]:
    """(article records, entity records, co-mention rows) of a list of articles."""
    siteurl = settings.get("SITEURL", "") or ""
    records: list[dict] = []
    entities: dict[str, dict] = {}
    pairs: Counter = Counter()
    for article in articles:
        ents = article_entities(article)
        records.append(article_record(article, ents, siteurl))
        ids: list[str] = []
        for kind in KINDS:
            for e in ents[kind]:
                rec = entities.get(e.id)
                if rec is None:
                    rec = entities[e.id] = {
                        "id": e.id, "type": e.kind, "key": e.key, "name": e.name,
                        "aliases": list(e.aliases), "article_count": 0, "url": e.url,
                    }
                    if siteurl:
                        rec["permalink"] = absolute(e.url, siteurl)
                else:
                    rec["aliases"] += [a for a in e.aliases if a not in rec["aliases"]]
                rec["article_count"] += 1
                ids.append(e.id)
        pairs.update(combinations(sorted(set(ids)), 2))
    entity_list = sorted(entities.values(), key=lambda r: (r["type"], -r["article_count"],
                                                            r["name"].lower()))
    rows = [
        (entities[a]["name"], entities[b]["name"], entities[a]["type"], entities[b]["type"], n)
        for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    records.sort(key=lambda r: (r["date"] or "", r["slug"]))
    return records, entity_list, rows


def write_exports(out_dir: Path, records, entity_list, rows) -> None:
    """Write the three export files into `out_dir` (a file whose bytes would not change is
    left alone: a rebuild that changed nothing rewrites nothing, and deploys see no change)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # records: dicts, or their texts as `export_rows` keeps them (the same bytes)
    text = (records_json(records) if records and isinstance(records[0], str)
            else json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    _write_if_changed(out_dir / "articles.json", text)
    _write_if_changed(out_dir / "entities.json",
                      json.dumps(entity_list, ensure_ascii=False, indent=1) + "\n")
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(["entity_a", "entity_b", "type_a", "type_b", "shared_articles"])
    w.writerows(rows)
    _write_if_changed(out_dir / "co-mentions.csv", buf.getvalue())


def _write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        pass
    path.write_bytes(data)


def robots_txt(settings) -> str:
    """robots.txt text: everything allowed but the search index, and where the sitemap is."""
    siteurl = (settings.get("SITEURL", "") or "").rstrip("/")
    fmt = (settings.get("SITEMAP") or {}).get("format", "xml")
    prefix = urlsplit(siteurl).path.rstrip("/") if siteurl else ""
    sitemap = f"{siteurl}/sitemap.{fmt}" if siteurl else f"/sitemap.{fmt}"
    lines = ["User-agent: *", f"Disallow: {prefix}/pagefind/", "Allow: /", ""]
    if not siteurl:
        lines.append("# Set SITEURL for an absolute sitemap address (required by crawlers).")
    lines.append(f"Sitemap: {sitemap}")
    return "\n".join(lines) + "\n"


def collect(generators) -> None:
    """Compute the exports once every generator has its context (`all_generators_finalized`):
    from the rows kept for unchanged posts and new rows for the others (`export_rows`) when
    the entity index is there and no article has translations, else from every article."""
    _state.clear()
    index = next((g.index for g in generators if isinstance(getattr(g, "index", None),
                                                            EntityIndex)), None)
    for gen in generators:
        if not isinstance(gen, ArticlesGenerator):
            continue
        translations = list(getattr(gen, "translations", []))
        if index is None or translations:
            _state["exports"] = build_exports(list(gen.articles) + translations, gen.settings)
            continue
        rows = ExportRows(Path(gen.settings.get("CACHE_PATH") or "cache"),
                          context_key(gen.settings))
        by_id = {e.id: e for kind in KINDS for e in
                 (_from_wrapper(kind, w) for w in index.entities.get(kind, []))}
        texts, entity_list, pair_rows = rows.join(gen.articles, gen.settings, by_id.get,
                                                  article_record)
        _state["exports"] = (texts, entity_list, pair_rows)
        _state["rows"] = rows


def write_all(pelican) -> None:
    """Write data exports and robots.txt (`finalized`)."""
    settings = pelican.settings
    out = Path(settings["OUTPUT_PATH"])
    if setting(settings, "NEWS_ARCHIVE_EXPORTS") and "exports" in _state:
        records, entity_list, rows = _state.pop("exports")
        write_exports(out / setting(settings, "NEWS_ARCHIVE_EXPORTS_DIR"),
                      records, entity_list, rows)
        log.info("exports: %d articles, %d entities, %d co-mention pairs",
                 len(records), len(entity_list), len(rows))
    kept = _state.pop("rows", None)
    if kept is not None:
        log.info("exports: %d article rows computed, the others kept from the last build",
                 kept.computed)
        kept.save()
    if setting(settings, "NEWS_ARCHIVE_ROBOTS"):
        out.mkdir(parents=True, exist_ok=True)
        _write_if_changed(out / "robots.txt", robots_txt(settings))


def register() -> None:
    signals.all_generators_finalized.connect(collect)
    signals.finalized.connect(write_all)

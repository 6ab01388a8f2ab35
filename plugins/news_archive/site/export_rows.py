"""Export rows kept between builds: a post's rows are computed once per version of its file.

The data exports list every article, every entity and every co-mentioned pair; a rebuild after
a few new posts recomputes the rows of those posts only and joins them with the kept rows of
the others. Kept per post (by source path) in `CACHE_PATH/news_archive_export_rows.json`:

- the file's stamp (size, modification time, inode): a post whose file changed is a new post;
- its `articles.json` record, already serialised as it appears in the file, and its sort key;
- the ids of its entities (`country:RU`, ...), in the order the article names them.

Also kept: the co-mention counts of all posts, updated by the changed posts' pairs only.
Entity records (names, aliases, URLs) come from this build's entity index every time: they
can change without any of a post's own inputs changing (an alias learnt from another post).

The cache holds for one "context": the settings and code that shape a record (the content
cache key `fast_rebuilds` writes, which covers settings, plugin code and data, library
versions, plus the site URL settings). Without that key (no `fast_rebuilds`), nothing is
kept and every build computes every row. A damaged cache file is set aside with a warning
(`safe_state`); the output is byte-identical to a build from scratch either way.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

from safe_state import atomic_write_text, read_json_state

from ..posts import file_stamp
from .linked_data import KINDS, Entity, article_entities

log = logging.getLogger("news_archive.exports")

CACHE_NAME = "news_archive_export_rows.json"
VERSION = 1
# Settings that shape a record beyond the post's own file (URLs, permalinks).
CONTEXT_SETTINGS = ("SITEURL", "ARTICLE_URL", "ARTICLE_SAVE_AS", "ARTICLE_LANG_URL",
                    "ARTICLE_LANG_SAVE_AS", "SLUGIFY_SOURCE", "RELATIVE_URLS")
CONTENT_KEY = "fast_rebuilds_cache_key"


def record_text(record: dict) -> str:
    """A record as it appears in `articles.json` (an element of a list dumped with indent=1)."""
    return " " + json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n ")


def records_json(texts: Iterable[str]) -> str:
    """`articles.json` from its records' texts: the bytes of json.dumps(records, indent=1)."""
    texts = list(texts)
    return "[\n" + ",\n".join(texts) + "\n]\n" if texts else "[]\n"


def context_key(settings) -> str | None:
    """What every kept row was computed under, or None when it cannot be known (no content
    cache key: then nothing is kept)."""
    cache = Path(settings.get("CACHE_PATH") or "cache")
    try:
        content_key = (cache / CONTENT_KEY).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not content_key:
        return None
    values = [str(settings.get(k, "")) for k in CONTEXT_SETTINGS]
    return hashlib.sha256(json.dumps([VERSION, content_key, values]).encode()).hexdigest()


def _valid(data) -> str | None:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return "not an export rows cache of this version"
    rows, pairs = data.get("rows"), data.get("pairs")
    if not isinstance(rows, dict) or not isinstance(pairs, list):
        return "rows or pairs missing"
    for row in rows.values():
        if not (isinstance(row, dict) and isinstance(row.get("record"), str)
                and isinstance(row.get("ids"), list) and isinstance(row.get("sort"), list)
                and isinstance(row.get("stamp"), list)):
            return "a row without its record, ids, sort key or stamp"
    if not all(isinstance(p, list) and len(p) == 3 for p in pairs):
        return "a co-mention entry that is not [a, b, count]"
    return None


def _pairs_of(ids: list[str]) -> Iterable[tuple[str, str]]:
    return combinations(sorted(set(ids)), 2)


class ExportRows:
    """The export rows of one build: kept rows of unchanged posts, new rows of the others."""

    def __init__(self, cache_dir: Path, key: str | None) -> None:
        self.path = Path(cache_dir) / CACHE_NAME
        self.key = key
        self.rows: dict[str, dict] = {}
        # Co-mention counts: as kept (already in file order) until a row changes them.
        self._sorted: list[list] = []
        self._pairs: Counter | None = Counter()
        self.computed = 0  # rows computed in this build (the rest were kept)
        self.changed = False
        if key is None:
            return
        data = read_json_state(self.path, _valid, "export rows cache")
        if data is None or data.get("context") != key:
            self.changed = True
            return
        self.rows = data["rows"]
        self._sorted, self._pairs = data["pairs"], None
        expected = sum(len(set(r["ids"])) * (len(set(r["ids"])) - 1) // 2
                       for r in self.rows.values())
        counts = [n for _, _, n in self._sorted]
        if sum(counts) != expected or any(not isinstance(n, int) or n <= 0 for n in counts):
            log.warning("export rows cache %s: co-mention counts do not match its rows; "
                        "counted again", self.path)
            self._pairs = Counter(p for r in self.rows.values() for p in _pairs_of(r["ids"]))
            self.changed = True

    @property
    def pairs(self) -> Counter:
        """Co-mention counts by (id, id), built from the kept list when first changed."""
        if self._pairs is None:
            self._pairs = Counter({(a, b): n for a, b, n in self._sorted})
        return self._pairs

    def join(self, articles, settings, entity_of: Callable[[str], Entity | None],
             make_record: Callable) -> tuple[list[str], list[dict], list[tuple]]:
        """(record texts in file order, entity records, co-mention rows) of `articles`.

        `entity_of(id)`: this build's Entity for an id (None when the index has no such
        entity: the row is computed again); `make_record(article, ents, siteurl)`: a record."""
        siteurl = settings.get("SITEURL", "") or ""
        seen: set[str] = set()
        current: list[dict] = []
        for article in articles:
            source = getattr(article, "source_path", None)
            stamp = file_stamp(source)
            row = self.rows.get(source) if source and source not in seen else None
            if row is None or row["stamp"] != stamp or \
                    any(entity_of(i) is None for i in row["ids"]):
                if row is not None:  # its file changed (or is gone): the old row goes
                    self._count(self.rows.pop(source), -1)
                    self.changed = True
                row = self._compute(article, siteurl, stamp, make_record)
                if source and source not in seen and stamp is not None:
                    self.rows[source] = row
                    self._count(row, +1)
                    self.changed = True
                else:  # no file to key it by: counted for this build only
                    row = dict(row, transient=True)
            if source:
                seen.add(source)
            current.append(row)
        for source in [s for s in self.rows if s not in seen]:  # deleted posts
            self._count(self.rows.pop(source), -1)
            self.changed = True
        transient = [r for r in current if r.get("transient")]
        if self._pairs is not None:  # changed in this build: sorted again
            self._sorted = [[a, b, n] for (a, b), n in
                            sorted(self._pairs.items(), key=lambda kv: (-kv[1], kv[0]))]
        ordered = self._sorted
        if transient:
            pairs = self.pairs.copy()
            for r in transient:
                pairs.update(_pairs_of(r["ids"]))
            ordered = [[a, b, n] for (a, b), n in
                       sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))]
        return (self._texts(current), self._entities(current, entity_of, siteurl),
                self._pair_rows(ordered, entity_of))

    def _compute(self, article, siteurl: str, stamp, make_record) -> dict:
        self.computed += 1
        ents = article_entities(article)
        record = make_record(article, ents, siteurl)
        return {"stamp": stamp, "sort": [record["date"] or "", record["slug"]],
                "record": record_text(record),
                "ids": [e.id for kind in KINDS for e in ents[kind]]}

    def _count(self, row: dict, sign: int) -> None:
        for pair in _pairs_of(row["ids"]):
            n = self.pairs[pair] + sign
            if n > 0:
                self.pairs[pair] = n
            else:
                del self.pairs[pair]

    @staticmethod
    def _texts(rows: list[dict]) -> list[str]:
        return [r["record"] for r in sorted(rows, key=lambda r: (r["sort"][0], r["sort"][1]))]

    @staticmethod
    def _entities(rows: list[dict], entity_of, siteurl: str) -> list[dict]:
        from .linked_data import absolute

        entities: dict[str, dict] = {}
        for row in rows:
            for i in row["ids"]:
                rec = entities.get(i)
                if rec is None:
                    e = entity_of(i)
                    rec = entities[i] = {
                        "id": e.id, "type": e.kind, "key": e.key, "name": e.name,
                        "aliases": list(e.aliases), "article_count": 0, "url": e.url,
                    }
                    if siteurl:
                        rec["permalink"] = absolute(e.url, siteurl)
                rec["article_count"] += 1
        return sorted(entities.values(), key=lambda r: (r["type"], -r["article_count"],
                                                        r["name"].lower()))

    @staticmethod
    def _pair_rows(ordered: list[list], entity_of) -> list[tuple]:
        out = []
        for a, b, n in ordered:
            ea, eb = entity_of(a), entity_of(b)
            out.append((ea.name, eb.name, ea.kind, eb.kind, n))
        return out

    def save(self) -> None:
        """Keep the rows for the next build (only when something changed)."""
        if self.key is None or not self.changed:
            return
        data = {"version": VERSION, "context": self.key,
                "rows": {k: {c: v for c, v in r.items() if c != "transient"}
                         for k, r in self.rows.items()},
                "pairs": self._sorted}
        try:
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False,
                                                    separators=(",", ":")), durable=False)
        except OSError as exc:
            log.warning("export rows cache %s not saved: %s", self.path, exc)

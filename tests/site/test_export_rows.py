"""Export rows kept between builds: only new or changed posts' rows are computed, the joined
exports are the bytes a build from scratch writes, and a damaged cache is set aside."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from _synthetic import SMALL, build_site, write_post, write_small
from news_archive.site import export_rows, exports
from news_archive.site.export_rows import ExportRows, records_json
from news_archive.site.linked_data import KINDS, article_entities

SITEURL = "https://example.org/archive"


def _article(folder: Path, i: int, countries: str, orgs: str = "", persons: str = "",
             day: int | None = None) -> SimpleNamespace:
    path = folder / f"a{i}.md"
    path.write_text(f"post {i} {countries} {orgs} {persons} {day}\n", encoding="utf-8")
    meta = {"countries": countries, "organizations": orgs, "persons": persons,
            "source": "Src", "language": "en", "original-url": f"https://example.com/{i}"}
    return SimpleNamespace(slug=f"a{i}", url=f"a{i}.html", title=f"Article {i}",
                           date=datetime(2020, 1, day or 1 + i % 28, tzinfo=timezone.utc),
                           metadata=meta, source_path=str(path))


def _entity_of(articles):
    by_id = {e.id: e for a in articles for k in KINDS for e in article_entities(a)[k]}
    return by_id.get


def _join(cache: Path, articles, key: str | None = "k",
          make_record=exports.article_record) -> tuple[tuple, ExportRows]:
    rows = ExportRows(cache, key)
    texts, entities, pairs = rows.join(articles, {"SITEURL": SITEURL}, _entity_of(articles),
                                       make_record)
    rows.save()
    return (records_json(texts), entities, pairs), rows


def _scratch(articles) -> tuple:
    records, entities, pairs = exports.build_exports(articles, {"SITEURL": SITEURL})
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n", entities, pairs


def test_only_new_and_changed_posts_rows_are_computed(tmp_path) -> None:
    posts, cache = tmp_path / "posts", tmp_path / "cache"
    posts.mkdir()
    arts = [_article(posts, i, "AF;RU" if i % 2 else "FR", "United Nations" if i % 3 else "",
                     "Ada Obi;Li Wei" if i % 4 == 0 else "") for i in range(12)]
    calls = []

    def counted(article, ents, siteurl):
        calls.append(article.slug)
        return exports.article_record(article, ents, siteurl)

    first, rows = _join(cache, arts, make_record=counted)
    assert first == _scratch(arts) and rows.computed == 12 and len(calls) == 12

    calls.clear()  # nothing changed: no row computed, same exports
    again, rows = _join(cache, arts, make_record=counted)
    assert again == first and rows.computed == 0 and calls == [] and not rows.changed

    # add one, edit one (its file changes), delete one
    arts.append(_article(posts, 12, "UA", "United Nations", "Ada Obi", day=29))
    arts[3] = _article(posts, 3, "TJ;AF", "", "Li Wei", day=2)
    (posts / "a5.md").unlink()
    del arts[5]
    calls.clear()
    changed, rows = _join(cache, arts, make_record=counted)
    assert sorted(calls) == ["a12", "a3"] and rows.computed == 2
    assert changed == _scratch(arts)
    # and the counts kept for the next build follow the change
    assert _join(cache, arts)[0] == _scratch(arts)


def test_a_damaged_cache_is_set_aside_and_the_exports_stay_right(tmp_path, caplog) -> None:
    posts, cache = tmp_path / "posts", tmp_path / "cache"
    posts.mkdir()
    arts = [_article(posts, i, "AF;RU;TJ", "United Nations") for i in range(4)]
    _join(cache, arts)
    path = cache / export_rows.CACHE_NAME
    path.write_text('{"version": 1, "rows": {"x": ', encoding="utf-8")
    out, rows = _join(cache, arts)
    assert out == _scratch(arts) and rows.computed == 4
    assert (cache / (export_rows.CACHE_NAME + ".damaged")).exists()
    assert "damaged" in caplog.text
    # counts that do not match the rows are counted again, with a warning
    data = json.loads(path.read_text())
    data["pairs"] = data["pairs"][1:]
    path.write_text(json.dumps(data), encoding="utf-8")
    out, rows = _join(cache, arts)
    assert out == _scratch(arts) and "counted again" in caplog.text
    # another context (settings or code changed): every row computed again
    out, rows = _join(cache, arts, key="other")
    assert out == _scratch(arts) and rows.computed == 4


def test_no_context_key_keeps_nothing(tmp_path) -> None:
    posts, cache = tmp_path / "posts", tmp_path / "cache"
    posts.mkdir()
    arts = [_article(posts, 0, "AF")]
    assert export_rows.context_key({"CACHE_PATH": str(cache)}) is None
    out, rows = _join(cache, arts, key=None)
    assert out == _scratch(arts) and not (cache / export_rows.CACHE_NAME).exists()


EDITED = dict(SMALL[1], title="Grain Corridor Talks Resume In Istanbul",
              countries=["UA", "TR", "RU"], persons=["Antonio Guterres", "Sergei Lavrov"])
NEW = dict(name="ferry-strike", title="Ferry Crews Strike Over Pay", date="2023-11-20",
           slug="ferry-strike", countries=["FR", "AF"], orgs=["United Nations"],
           persons=["Ada Obi"], source="AFP", url="https://example.com/ferry",
           summary="Crossings halted.", body="Ferry crews walked out over pay.")


def _outputs(site: Path) -> dict[str, bytes]:
    names = ["data/articles.json", "data/entities.json", "data/co-mentions.csv", "sitemap.xml"]
    return {n: (site / n).read_bytes() for n in names}


@pytest.mark.slow
def test_rebuilds_after_add_edit_delete_match_a_build_from_scratch(tmp_path) -> None:
    work = tmp_path / "inc"
    posts = work / "content" / "posts"
    write_small(posts)
    settings = dict(CACHE_PATH=str(work / "cache"), SITEURL=SITEURL, SEARCH_ENABLED=False)
    proc = build_site(work / "content", work / "site", **settings)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (work / "cache" / export_rows.CACHE_NAME).exists()

    write_post(posts, **NEW)  # add
    write_post(posts, **EDITED)  # edit
    (posts / "afghan-drought.md").unlink()  # delete
    proc = build_site(work / "content", work / "site", **settings)
    assert proc.returncode == 0, proc.stderr[-3000:]
    kept = json.loads((work / "cache" / export_rows.CACHE_NAME).read_text())
    assert sorted(Path(p).name for p in kept["rows"]) == ["ferry-strike.md", "kyiv-grain.md",
                                                         "tajik-appeal.md"]

    fresh = tmp_path / "fresh"
    shutil.copytree(work / "content", fresh / "content")
    proc = build_site(fresh / "content", fresh / "site", CACHE_PATH=str(fresh / "cache"),
                      SITEURL=SITEURL, SEARCH_ENABLED=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _outputs(work / "site") == _outputs(fresh / "site")
    records = json.loads((work / "site" / "data" / "articles.json").read_text())
    assert [r["slug"] for r in records] == ["tajik-appeal", "kyiv-grain", "ferry-strike"]
    assert records[1]["title"] == EDITED["title"]
    pairs = list(csv.reader(io.StringIO((work / "site/data/co-mentions.csv").read_text())))
    assert ["Afghanistan", "France", "country", "country", "1"] in pairs

"""The owner's entity register (content/entities.csv): operations, bad lines, re-tagging."""

from __future__ import annotations

import logging

import pytest
from news_archive import posts
from news_archive.draft import Organization, Tags
from news_archive.ingest import ingest
from news_archive.tagging import register as R
from rawtexts import distinct_paragraphs, raw_dump

TEXT = ("Kestrel Freight said on Monday that Ana Duarte would lead its new unit. "
        "Brightwater Labs, a rival, declined to comment. Human Rights groups objected.")


def tags() -> Tags:
    return Tags(countries=["PT", "ES"],
                organizations=[Organization("Kestrel Freight"), Organization("Human Rights"),
                               Organization("Brightwater Labs", ["BWL"])],
                persons=["Ana Duarte", "Moon Express"])


def apply(register_text: str, t: Tags | None = None) -> tuple[Tags, dict]:
    t = t or tags()
    links = R.apply(t, TEXT, R.parse(register_text))
    return t, links


def org_names(t: Tags) -> list[str]:
    return [o.name for o in t.organizations]


def test_add_tags_mentions_and_carries_ids_and_country():
    t, links = apply("add,organization,Kestrel Freight Holdings,Kestrel Freight|KFH,,PT,Q4242\n"
                     "add,person,Ana Maria Duarte,Ana Duarte,,,https://example.org/duarte\n"
                     "add,organization,Orchard Cooperative,Orchard Co-op\n")
    assert "Kestrel Freight Holdings" in org_names(t)
    assert "Kestrel Freight" not in org_names(t)
    assert "Orchard Cooperative" not in org_names(t)  # not mentioned: not added
    assert t.persons == ["Ana Maria Duarte", "Moon Express"]
    assert links["Kestrel Freight Holdings"] == ["https://www.wikidata.org/wiki/Q4242",
                                                "country:PT"]
    assert links["Ana Maria Duarte"] == ["https://example.org/duarte"]


def test_add_finds_a_name_the_tagger_missed():
    t = Tags(organizations=[], persons=[])
    t, _ = apply("add,organization,Brightwater Laboratories,Brightwater Labs\n", t)
    assert org_names(t) == ["Brightwater Laboratories"]
    assert t.organizations[0].aliases == ["Brightwater Labs"]


def test_merge_and_rename_keep_the_old_name_as_alias():
    t, _ = apply("merge,organization,BWL,,Brightwater Laboratories\n"
                 "rename,person,Ana Duarte,,Ana Maria Duarte\n")
    assert "Brightwater Laboratories" in org_names(t)
    merged = next(o for o in t.organizations if o.name == "Brightwater Laboratories")
    assert "Brightwater Labs" in merged.aliases and "BWL" in merged.aliases
    assert "Ana Maria Duarte" in t.persons and "Ana Duarte" not in t.persons


def test_rename_follows_chains():
    t, _ = apply("merge,,Kestrel Freight,,Kestrel Group\nrename,,Kestrel Group,,Kestrel plc\n")
    assert "Kestrel plc" in org_names(t)


def test_block_everywhere_or_as_one_kind():
    t, _ = apply("block,,Human Rights\nblock,person,Moon Express\nblock,country,ES\n")
    assert "Human Rights" not in org_names(t)
    assert "Moon Express" not in t.persons
    assert t.countries == ["PT"]
    t, _ = apply("block,person,Kestrel Freight\n")
    assert "Kestrel Freight" in org_names(t)  # blocked as a person only


def test_retype_moves_a_name_to_another_kind():
    t, _ = apply("retype,organization,Moon Express\n")
    assert "Moon Express" in org_names(t) and "Moon Express" not in t.persons
    t, _ = apply("retype,person,Kestrel Freight\n")
    assert "Kestrel Freight" in t.persons


def test_bad_lines_are_reported_with_file_and_line_and_the_rest_applies():
    reg = R.parse("# comment\naction,kind,name,aliases,target,country,id\n"
                  "frobnicate,organization,X\n"
                  "add,,No Kind\n"
                  "merge,organization,Kestrel Freight\n"
                  "add,organization,Bad Id,,,,not-an-id\n"
                  "add,country,Portugal\n"
                  "block,,Human Rights\n", R.REGISTER_NAME)
    assert [e.split(":")[1] for e in reg.errors] == ["3", "4", "5", "6", "7"]
    assert "unknown action" in reg.errors[0] and reg.errors[0].startswith("entities.csv:3:")
    assert "needs a target" in reg.errors[2]
    assert [e.action for e in reg.entries] == ["block"]
    t = tags()
    R.apply(t, TEXT, reg)
    assert "Human Rights" not in org_names(t)


def test_missing_register_changes_nothing(tmp_path):
    reg = R.register_for(tmp_path / "raw")
    t = tags()
    assert R.apply(t, TEXT, reg) == {} and org_names(t) == org_names(tags())
    assert R.stamp("Title: x\n\nbody\n", reg, {}) == "Title: x\n\nbody\n"


# ---------------------------------------------------------------- ingest


@pytest.fixture
def archive(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    first = ["Officials at Kestrel Freight said on Monday that the depot would close, and "
             "Ana Duarte, the company's director, told workers the same day.",
             *distinct_paragraphs(1)]
    second = ["The harbour authority met on Tuesday; Brightwater Labs, a local startup, "
              "presented a plan to dredge the channel before the winter storms arrive.",
              *distinct_paragraphs(2)]
    (raw / "a.txt").write_text(raw_dump("Depot To Close", first))
    (raw / "b.txt").write_text(raw_dump("Harbour Plan Presented", second))
    return raw, out, tmp_path / R.REGISTER_NAME


def post_of(out, raw_name: str) -> str:
    """File name of the post of a raw file."""
    return next(p.name for p in out.glob("*.md")
                if posts.read_header(p).get("raw-path") == raw_name)


def header(out, name):
    return posts.read_header(out / name)


def test_register_edit_rewrites_exactly_the_affected_posts(archive):
    raw, out, reg_file = archive
    ingest(raw, out, workers=1)
    a, b = post_of(out, "a.txt"), post_of(out, "b.txt")
    b_before = (out / b).read_text()
    reg_file.write_text("add,organization,Kestrel Freight Group,Kestrel Freight,,,Q99\n")
    report = ingest(raw, out, workers=1)
    assert report.posts_written == [a]
    meta = header(out, a)
    assert "Kestrel Freight Group" in posts.split_list(meta["organizations"])
    assert meta["entity-links"] == "Kestrel Freight Group=https://www.wikidata.org/wiki/Q99"
    assert (out / b).read_text() == b_before
    assert ingest(raw, out, workers=1).posts_written == []  # stable
    reg_file.write_text("add,organization,Kestrel Freight Group,Kestrel Freight,,,Q99\n"
                        "block,,Brightwater Labs\n")
    assert ingest(raw, out, workers=1).posts_written == [b]
    assert "Brightwater Labs" not in header(out, b).get("organizations", "")
    reg_file.unlink()
    assert ingest(raw, out, workers=1).posts_written == [a, b]
    assert "entity-register" not in header(out, a)


def test_hand_edited_post_is_kept_and_named(archive, caplog):
    raw, out, reg_file = archive
    ingest(raw, out, workers=1)
    post = out / post_of(out, "a.txt")
    edited = post.read_text().replace("Source: Valley Courier", "Source: Valley News", 1)
    assert edited != post.read_text()
    post.write_text(edited)
    reg_file.write_text("block,,Kestrel Freight\n")
    with caplog.at_level(logging.WARNING):
        report = ingest(raw, out, workers=1)
    assert post.read_text() == edited
    assert report.kept_edits == [post.name]
    assert any(post.name in r.getMessage() and "edited by hand" in r.getMessage()
               for r in caplog.records)


def test_bad_register_line_is_logged_and_the_rest_applies(archive, caplog):
    raw, out, reg_file = archive
    reg_file.write_text("block,,Brightwater Labs\nadd,organization\n")
    with caplog.at_level(logging.ERROR):
        ingest(raw, out, workers=1)
    assert any(f"{reg_file}:2:" in r.getMessage() for r in caplog.records)
    assert "Brightwater Labs" not in header(out, post_of(out, "b.txt")).get(
        "organizations", "")


def test_json_ld_uses_register_ids_as_same_as():
    from types import SimpleNamespace

    from news_archive.site.linked_data import news_article_jsonld

    meta = {"organizations": "Kestrel Freight Group", "persons": "Ana Maria Duarte",
            "entity-links": "Kestrel Freight Group=https://www.wikidata.org/wiki/Q99|country:PT"}
    article = SimpleNamespace(metadata=meta, title="Depot", url="depot.html", date=None,
                              summary="A depot closes.", settings={})
    data = news_article_jsonld({"SITEURL": "https://example.org"}, article)
    org = next(m for m in data["mentions"] if m["name"] == "Kestrel Freight Group")
    assert org["sameAs"] == ["https://www.wikidata.org/wiki/Q99"]
    assert org["address"]["addressCountry"] == "PT"
    person = next(m for m in data["mentions"] if m["name"] == "Ana Maria Duarte")
    assert "sameAs" not in person


def _post(folder, name: str, date: str, orgs: str, persons: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"Title: {name}\nDate: {date}\nOrganizations: {orgs}\n"
                               f"Organization-Aliases: KF=Kestrel Freight\n"
                               f"Persons: {persons}\n\n{body}\n", encoding="utf-8")


def test_entities_command_lists_counts_dates_and_flags(tmp_path, capsys):
    from news_archive.cli import main

    out = tmp_path / "posts"
    _post(out, "a.md", "2021-03-01", "Kestrel Freight", "Ana Duarte;Drake",
          "The drake swam across the pond.")
    _post(out, "b.md", "2021-05-09", "Kestrel Freight;Orchard Labs", "Ana Duarte", "Text.")
    assert main(["entities", "--posts", str(out)]) == 0
    table = capsys.readouterr().out
    row = next(ln for ln in table.splitlines() if "Kestrel Freight" in ln)
    assert row.split()[:6] == ["organization", "Kestrel", "Freight", "KF", "2",
                               "2021-03-01"] and "2021-05-09" in row
    drake = next(ln for ln in table.splitlines() if "Drake" in ln)
    assert "one-word person" in drake and "also a common word" in drake
    assert "one article, in no list" in next(
        ln for ln in table.splitlines() if "Orchard Labs" in ln)
    assert main(["entities", "--posts", str(out), "--csv", "--flagged"]) == 0
    rows = capsys.readouterr().out
    reg = R.parse(rows)  # the rows paste into the register as they are
    assert not reg.errors and {e.name for e in reg.entries} == {"Drake", "Orchard Labs"}
    assert "Ana Duarte" not in rows


def test_posts_are_checked_once_per_register_version(archive, monkeypatch):
    raw, out, reg_file = archive
    ingest(raw, out, workers=1)
    reg_file.write_text("block,,Brightwater Labs\n")
    ingest(raw, out, workers=1)
    assert (out / R.CHECKED_NAME).read_text().strip() == R.load(reg_file).digest
    read = []
    monkeypatch.setattr(R, "relevant_digest", lambda text, reg: read.append(1) or "")
    assert ingest(raw, out, workers=1).posts_written == []
    assert read == []  # the register did not change: no post was read again


def test_entity_page_json_ld_uses_the_id_carried_by_its_articles():
    from types import SimpleNamespace

    from news_archive.site.linked_data import news_entity_jsonld

    meta = {"entity-links": "Ana Maria Duarte=https://www.wikidata.org/wiki/Q7|country:PT"}
    articles = [SimpleNamespace(metadata={}, title="a", url="a.html"),
                SimpleNamespace(metadata=meta, title="b", url="b.html")]
    data = news_entity_jsonld({"SITEURL": ""}, "Ana Maria Duarte", "person", articles)
    assert data["about"]["sameAs"] == ["https://www.wikidata.org/wiki/Q7"]
    assert data["about"]["nationality"]["name"] == "Portugal"


def test_entities_table_names_countries_and_csv_keeps_their_codes(tmp_path, capsys):
    """The table shows a country's English name after its code; the CSV rows keep the code
    alone, as the register names countries."""
    from news_archive.cli import main

    out = tmp_path / "posts"
    out.mkdir()
    (out / "a.md").write_text("Title: A\nDate: 2022-01-02\nCountries: KZ;FR\n\nText.\n",
                              encoding="utf-8")
    assert main(["entities", "--posts", str(out), "--kind", "country"]) == 0
    table = capsys.readouterr().out
    assert "KZ Kazakhstan" in table and "FR France" in table
    assert main(["entities", "--posts", str(out), "--kind", "country", "--csv"]) == 0
    rows = capsys.readouterr().out
    assert "add,country,KZ," in rows and "Kazakhstan" not in rows
    assert not R.parse(rows).errors

"""Issue 19, ingest side: no silent cuts, bylines as authors, dates with reasons, samples."""

# ruff: noqa: E501  (fixture articles are one paragraph per line, as in a text dump)

from __future__ import annotations

import json
from pathlib import Path

from news_archive.extract.classify import is_caption
from news_archive.extract.text_dump import extract_text_dump
from news_archive.ingest import ingest
from news_archive.ingest.manifest import load_manifest, row_for
from news_archive.ingest.pipeline import process_file
from news_archive.tagging.authors import author_names

HEADER = "Daily Ledger\nHome | World | Business\n\n"

AGENCY = HEADER + """Port Workers Strike Over Pay in Three Cities

Dock workers in three port cities stopped work on Tuesday, the largest stoppage in years.

By Aigul Nurlanova | Staff correspondent

ALMATY, Kazakhstan, 9 May 2023 (KT) — Dock workers in three port cities walked off the job on Tuesday, demanding a pay rise that keeps pace with inflation, union leaders said.

The strike halted loading at the main container terminal for most of the day, according to the port authority, which said ships were waiting offshore.

"We will stay out until the offer is improved," an official told Reuters.

Talks between the union and the employers' association are expected to resume on Thursday, with a mediator appointed by the labour ministry joining them.

Exporters warned that a long stoppage would delay grain shipments and raise costs for farmers who sold their harvest on forward contracts.
"""

RUSSIAN = """Новости Чуй

В Бишкеке откроют новый автобусный маршрут

Автор: Айбек Осмонов

Мэрия Бишкека объявила об открытии нового автобусного маршрута, который свяжет южные жилые массивы с центром города, сообщили в мэрии в пятницу.

По словам представителей мэрии, на маршрут выйдут двадцать новых автобусов, закупленных в прошлом году у местного производителя.

Жители южных районов давно жаловались на переполненные маршрутки, сообщает агентство Reuters.

Запуск маршрута запланирован на апрель, добавили в мэрии.
"""

CAPTION_CUT = HEADER + """Storm Floods Coastal Towns

By Mira Castell

LISBON, 4 February 2021 — A winter storm flooded streets in several coastal towns overnight, forcing hundreds of residents to leave their homes, officials said on Thursday.

Rescue teams used boats to reach people trapped on upper floors in the old quarter, where water rose more than a metre in some streets, according to the fire service.

Residents wade through a flooded street in the old quarter. REUTERS/Staff Photographer

Meteorologists said the storm would weaken on Friday but warned that high tides could bring more flooding along the coast over the weekend.
"""


def test_agency_named_in_a_sentence_is_not_a_caption():
    assert not is_caption('"We will stay out," an official told Reuters.')
    assert not is_caption("Жители жаловались на маршрутки, сообщает агентство Reuters.")
    assert not is_caption("The talks were first reported by Reuters.")
    assert is_caption("Protesters in Minsk on Sunday. REUTERS/Vasily Fedosenko")
    assert is_caption("Workers at the port on Monday (AFP)")
    assert is_caption("A man walks past a poster in Kabul. Photo via Reuters.")


def test_paragraph_ending_with_an_agency_keeps_the_rest_of_the_article():
    ex = extract_text_dump(RUSSIAN)
    body = "\n".join(ex.paragraphs)
    assert "сообщает агентство Reuters." in body
    assert "Запуск маршрута запланирован на апрель" in body  # the text after it is kept
    assert ex.byline == "Айбек Осмонов" and "Автор" not in body


def test_byline_with_role_under_standfirst_ends_the_header():
    ex = extract_text_dump(AGENCY)
    assert ex.byline == "Aigul Nurlanova"
    assert ex.summary.startswith("Dock workers in three port cities stopped work")
    assert ex.paragraphs[0].startswith("ALMATY, Kazakhstan, 9 May 2023")
    assert not any("Staff correspondent" in p for p in ex.paragraphs)
    assert ex.published == "2023-05-09"
    assert any("told Reuters" in p for p in ex.paragraphs)


def test_every_cut_of_prose_is_named():
    ex = extract_text_dump(CAPTION_CUT)
    assert not any("Residents wade" in p for p in ex.paragraphs)
    assert any("caption" in w and "Residents wade" in w for w in ex.warnings)


def test_bylines_are_authors_not_persons(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        AGENCY + "\nWith reporting by Marek Zielinski in Warsaw; editing by Anna Lind\n",
        encoding="utf-8")
    draft = process_file(str(tmp_path), "a.txt").drafts[0]
    assert draft.extracted.byline == "Aigul Nurlanova"
    assert draft.extracted.credits.startswith("With reporting by Marek Zielinski")
    assert "Aigul Nurlanova" not in draft.tags.persons
    assert not {"Marek Zielinski", "Anna Lind"} & set(draft.tags.persons)
    assert "PL" in draft.tags.countries  # a credit line's places still count
    assert author_names("Jane Doe and John Roe") == ["Jane Doe", "John Roe"]


def test_date_from_text_before_file_time_and_why_none(tmp_path: Path):
    (tmp_path / "wien.txt").write_text(
        "Wiener Blatt\n\nStadt plant neue Straßenbahnlinie\n\nVon Katharina Huber\n\n"
        "Die Stadt Wien will bis 2026 eine neue Straßenbahnlinie in den nördlichen Bezirken "
        "bauen, teilte die Verkehrsstadträtin am 7. Juni 2022 mit.\n\n"
        "Die Linie soll rund zwölf Kilometer lang werden und drei bestehende U-Bahn-Stationen "
        "verbinden. Die Kosten werden auf etwa 300 Millionen Euro geschätzt.\n",
        encoding="utf-8")
    (tmp_path / "none.txt").write_text(
        "A Council Meets Again\n\nThe council met again on Tuesday to discuss the budget for "
        "next year, and members said the talks went well despite disagreements.\n\n"
        "A vote is expected later in the month, after a second reading of the budget bill "
        "that the finance committee prepared in 2022.\n", encoding="utf-8")
    wien = process_file(str(tmp_path), "wien.txt").drafts[0].extracted
    assert wien.byline == "Katharina Huber"
    assert wien.published == "2022-06-07" and wien.published_source
    assert any("first full date" in w for w in wien.warnings)
    none = process_file(str(tmp_path), "none.txt").drafts[0].extracted
    assert none.published is None
    why = [w for w in none.warnings if w.startswith("no date found")]
    assert why and "years or months but no full date" in why[0]


def test_manifest_pattern_row_marks_samples(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "manifest.csv").write_text(
        "path,url,published,source,title,sample\nsample_*,,,,,yes\n"
        "sample_ru_1.txt,,2020-01-02,Wire,,\n", encoding="utf-8")
    rows = load_manifest(raw)
    assert row_for(rows, "sample_ru_1.txt") == {"published": "2020-01-02", "source": "Wire",
                                                "sample": "yes"}
    assert row_for(rows, "sub/sample_fa_2.txt")["sample"] == "yes"
    assert row_for(rows, "real.txt") == {}
    (raw / "sample_x.txt").write_text(AGENCY, encoding="utf-8")
    (raw / "real.txt").write_text(CAPTION_CUT, encoding="utf-8")
    posts = tmp_path / "posts"
    report = ingest(raw, posts, workers=1)
    texts = {p.name: p.read_text(encoding="utf-8") for p in posts.glob("*.md")}
    sample = [t for t in texts.values() if "Port Workers" in t][0]
    real = [t for t in texts.values() if "Storm Floods" in t][0]
    assert "\nSample: yes\n" in sample and "Sample:" not in real
    # the cut is in the ingest report
    data = report.as_json()
    assert any("Residents wade" in w["warning"] for w in data["warnings"])
    assert "with warnings" in report.summary_line()


def _spy_warnings(monkeypatch) -> list[str]:
    """Every warning ingest logs (Pelican's logger drops repeated messages itself, so the
    log records alone would not show a repeated warning)."""
    import news_archive.ingest as ingest_module

    seen: list[str] = []
    monkeypatch.setattr(ingest_module.log, "warning",
                        lambda msg, *args, **kw: seen.append(msg % args if args else msg))
    return seen


def test_hand_edited_post_is_warned_about_once_per_change(tmp_path: Path, monkeypatch):
    raw, posts = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    (raw / "a.txt").write_text(AGENCY, encoding="utf-8")
    ingest(raw, posts, workers=1)
    post = next(posts.glob("*.md"))
    post.write_text(post.read_text(encoding="utf-8").replace("Port Workers", "Dock Workers"),
                    encoding="utf-8")
    (raw / "a.txt").write_text(AGENCY + "\nOne more line of the article, added later.\n",
                               encoding="utf-8")
    seen = _spy_warnings(monkeypatch)

    def warnings() -> int:
        return sum("edited by hand" in m for m in seen)

    ingest(raw, posts, workers=1)
    assert warnings() == 1
    ingest(raw, posts, workers=1)
    assert warnings() == 1  # same change: not warned again
    (raw / "a.txt").write_text(AGENCY + "\nAnother change.\n", encoding="utf-8")
    ingest(raw, posts, workers=1)
    assert warnings() == 2
    assert "Dock Workers" in post.read_text(encoding="utf-8")
    assert json.loads((posts / ".edit-notices.json").read_text())


def test_roles_and_places_are_not_names():
    from news_archive.extract.meta import clean_byline

    assert clean_byline("By Aigul Nurlanova, Staff Correspondent") == "Aigul Nurlanova"
    assert clean_byline("By Jane Doe and John Roe, Senior Editors") == "Jane Doe and John Roe"
    assert clean_byline("Von Katharina Huber, Wien") == "Katharina Huber"
    assert clean_byline("Por Valentina Soto, Corresponsal") == "Valentina Soto"
    assert clean_byline("Автор: Айбек Осмонов, корреспондент") == "Айбек Осмонов"
    assert clean_byline("By Jane Doe, John Roe and Ann Smith") == "Jane Doe, John Roe and Ann Smith"


def test_html_page_byline_under_standfirst(tmp_path: Path):
    paras = AGENCY.split("\n\n")[2:]  # standfirst, byline, dateline paragraph, ...
    html = ("<!doctype html><html lang='en'><head><title>Port Workers Strike</title></head>"
            "<body><main><article><h1>Port Workers Strike Over Pay in Three Cities</h1>"
            + "".join(f"<p>{p.strip()}</p>" for p in paras)
            + "</article></main><footer>© 2023 Daily Ledger</footer></body></html>")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    draft = process_file(str(tmp_path), "a.html").drafts[0]
    ex = draft.extracted
    assert ex.byline == "Aigul Nurlanova"
    assert ex.summary.startswith("Dock workers in three port cities stopped work")
    assert ex.paragraphs[0].startswith("ALMATY")
    assert "Aigul Nurlanova" not in draft.tags.persons


def test_hand_edited_post_of_a_deleted_raw_file_is_warned_about_once(tmp_path: Path,
                                                                     monkeypatch):
    raw, posts = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    (raw / "a.txt").write_text(AGENCY, encoding="utf-8")
    ingest(raw, posts, workers=1)
    post = next(posts.glob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\nA note added by hand.\n",
                    encoding="utf-8")
    (raw / "a.txt").unlink()
    seen = _spy_warnings(monkeypatch)
    for _ in range(3):
        ingest(raw, posts, workers=1)
    assert sum("is gone" in m for m in seen) == 1 and post.exists()


def test_long_ingest_prints_progress(tmp_path: Path, monkeypatch, capsys):
    import sys

    from news_archive.ingest import progress

    monkeypatch.setattr(progress, "LONG_RUN", 2)
    raw = tmp_path / "raw"
    raw.mkdir()
    for n in range(3):
        (raw / f"a{n}.txt").write_text(AGENCY.replace("Port Workers", f"Port Workers {n}"),
                                       encoding="utf-8")
    ticks = iter(range(100))
    report = progress.log_progress(every_seconds=0.5, clock=lambda: next(ticks),
                                   emit=lambda line: print(line, file=sys.stderr))
    ingest(raw, tmp_path / "posts", workers=1, progress=report)
    assert "news_archive ingest: 1 of 3 files processed" in capsys.readouterr().err


def test_record_byline_loses_its_job_title(tmp_path: Path):
    record = {"title": "Port Workers Strike Over Pay in Three Cities",
              "maintext": "\n\n".join(AGENCY.split("\n\n")[4:]),
              "authors": ["Aigul Nurlanova, Staff correspondent"], "date_publish": "2023-05-09"}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    ex = process_file(str(tmp_path), "a.json").drafts[0].extracted
    assert ex.byline == "Aigul Nurlanova"


def test_report_keeps_warnings_of_unchanged_files(tmp_path: Path):
    raw, posts = tmp_path / "raw", tmp_path / "posts"
    raw.mkdir()
    (raw / "cut.txt").write_text(CAPTION_CUT, encoding="utf-8")
    first = ingest(raw, posts, workers=1).as_json()["warnings"]
    second = ingest(raw, posts, workers=1)
    assert second.unchanged == 1 and second.as_json()["warnings"] == first
    assert any("Residents wade" in w["warning"] for w in first)

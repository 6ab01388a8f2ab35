"""Tests of the plain-text-dump cleaner (news_archive.extract.text_dump).

Sample dumps below are written for these tests (no real article text).  The corpus test
scores every dump style of the shared dev corpus with the official scorer's functions and is
skipped when the shared directory is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
from datetime import date
from pathlib import Path

import pytest
from news_archive.extract.blocks import is_menu_text, split_blocks
from news_archive.extract.published import find_dates
from news_archive.extract.text_dump import extract_text_dump
from rawtexts import PARAGRAPHS, raw_dump, wrap_words

ROOT = Path(__file__).parents[2]
RAW = ROOT / "content" / "raw"
SEED = RAW / "000_d215a75f65c67019.txt"
SHARED = Path(os.environ.get("NEWS_ARCHIVE_SHARED", ROOT.parent / "shared"))

PARA_A = (
    "The regional council approved a new budget for public libraries on Tuesday, "
    "raising spending on books and reading rooms by a tenth, officials said."
)
PARA_B = (
    "Council members from both parties supported the plan, which also funds longer "
    "opening hours in rural branches during the winter months."
)
PARA_C = (
    "Librarians welcomed the decision but warned that staff shortages would have to be "
    "solved before the new hours can start in the spring."
)


def _dump(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


# --- the seed article -------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    return extract_text_dump(SEED.read_text(encoding="utf-8"))


def test_seed_title(seed):
    assert seed.title == (
        "Tajikistan Reportedly Calls On Allies For Help With Security Challenges From Afghanistan"
    )


def test_seed_summary_once(seed):
    assert seed.summary.startswith("Hundreds of Afghan civilians and soldier have fled")
    assert not any(p.startswith("Hundreds of Afghan civilians") for p in seed.paragraphs)


def test_seed_paragraph_range(seed):
    assert seed.paragraphs[0].startswith("Tajikistan has appealed to members")
    assert seed.paragraphs[-1].endswith("through the CSTO.")


def test_seed_no_chrome(seed):
    body = "\n".join(seed.paragraphs)
    for chrome in ("Accessibility links", "Breaking News", "16x9 Image",
                   "RFE/RL journalists report the news", "With reporting by"):
        assert chrome not in body


def test_seed_metadata(seed):
    assert seed.source == "RFE/RL"
    assert seed.credits == "With reporting by RIA Novosti, Armen Press, and Reuters"
    assert seed.published is None
    assert "no headline found" not in seed.warnings


# --- small self-written dumps -----------------------------------------------------------

def test_chrome_and_cookie_banner_removed():
    text = _dump(
        "Skip to main content", "Menu", "  * News\n  * Sport\n  * Weather",
        "We use cookies to give you the best experience. Accept all",
        "# Council Approves Library Budget", "By Maria Lopez",
        PARA_A, PARA_B, PARA_C,
        "Share this article", "  * Facebook\n  * Twitter",
        "© 2020 Example Gazette. All rights reserved.",
    )
    ex = extract_text_dump(text)
    assert ex.title == "Council Approves Library Budget"
    assert ex.paragraphs == [PARA_A, PARA_B, PARA_C]
    assert ex.byline == "Maria Lopez"
    assert ex.source == "Example Gazette"


def test_related_list_dropped():
    text = _dump(
        "Council Approves Library Budget", "Published March 2, 2021",
        PARA_A, PARA_B, "Related", "  * Museum opens new wing\n  * Parks get new benches",
        PARA_C, "Most read", "  * Ten things to do this weekend",
    )
    ex = extract_text_dump(text)
    assert ex.paragraphs == [PARA_A, PARA_B, PARA_C]
    assert ex.published == "2021-03-02"


MORE = [
    "A spokesperson for the council said the first new books would arrive in the branches "
    "before the end of the month, with children's titles delivered first.",
    "The budget also pays for two mobile libraries that will visit villages without a "
    "branch of their own once a fortnight, starting in the north of the region.",
    "Opposition members said they would watch closely whether the promised staff are hired "
    "in time, and asked for a report on the plan's progress after six months.",
    "The region last raised its library budget nine years ago, when three branches that had "
    "closed during a recession were reopened with help from volunteers.",
]
LINKS = "  * Museum opens new wing\n  * Parks get new benches\n  * Bus timetable changes"


def test_article_goes_on_after_a_box_of_links_set_inside_it():
    text = _dump("Council Approves Library Budget", "Published March 2, 2021",
                 PARA_A, PARA_B, "### More from the region", LINKS, *MORE,
                 "Most read", "  * Ten things to do this weekend")
    ex = extract_text_dump(text)
    assert ex.paragraphs == [PARA_A, PARA_B, *MORE]


def test_comments_after_the_article_are_not_an_inset():
    comments = []
    for n, text in enumerate(MORE):
        comments += [f"  * Reader{n}", "March 3, 2021 at 9:1{n} am", text]
    text = _dump("Council Approves Library Budget", "Published March 2, 2021",
                 PARA_A, PARA_B, PARA_C, "3 thoughts on “Council Approves Library Budget”",
                 *comments)
    ex = extract_text_dump(text)
    assert ex.paragraphs == [PARA_A, PARA_B, PARA_C]


def test_repeated_caption_lead_becomes_summary():
    lead = "Libraries in the region will get more money for books and longer hours next year."
    text = _dump("Council Approves Library Budget", "Photo: Reuters", lead + "\n" + lead,
                 PARA_A, PARA_B, PARA_C)
    ex = extract_text_dump(text)
    assert ex.summary == lead
    assert lead not in ex.paragraphs
    assert ex.paragraphs[0] == PARA_A
    assert "Photo: Reuters" not in ex.paragraphs


def test_photo_credit_not_in_body():
    text = _dump("Council Approves Library Budget", PARA_A,
                 "A reading room in the central library. (Photo: City Council)",
                 PARA_B, "John Smith/Getty Images", PARA_C)
    ex = extract_text_dump(text)
    assert ex.paragraphs == [PARA_A, PARA_B, PARA_C]


def test_dateline_date_and_byline():
    first = ("ALMATY, Kazakhstan, March 3, 2022 — The city council approved a new budget for "
             "public libraries on Thursday, officials said.")
    text = _dump("Council Approves Library Budget", "by Aigerim Sultanova", first, PARA_B, PARA_C)
    ex = extract_text_dump(text, today=date(2024, 1, 1))
    assert ex.published == "2022-03-03"
    assert ex.published_source == "dateline"
    assert ex.byline == "Aigerim Sultanova"
    assert ex.paragraphs[0] == first


def test_future_dates_ignored():
    text = _dump("Council Approves Library Budget", "Published July 7, 2021", PARA_A, PARA_B)
    assert extract_text_dump(text, today=date(2021, 7, 6)).published is None
    assert extract_text_dump(text, today=date(2021, 7, 8)).published == "2021-07-07"


def test_date_forms():
    today = date(2030, 1, 1)
    cases = {
        "5:45 AM PST 11/19/2019": "2019-11-19",
        "July 7, 2021": "2021-07-07",
        "07.07.2021": "2021-07-07",
        "2021-07-07": "2021-07-07",
        "22 de janeiro de 2018": "2018-01-22",
        "7 июля 2021": "2021-07-07",
        "2021年7月7日": "2021-07-07",
    }
    for text, iso in cases.items():
        assert [d.iso for d in find_dates(text, today)] == [iso], text
    assert find_dates("in 2013 and on July 4", today) == []


def test_non_ascii_names_kept():
    para = ("Zoë Müller met officials in Łódź and São Paulo to discuss tram networks, "
            "and Nursultan Nazarbayev's former adviser joined by video link.")
    text = _dump("Łódź Hosts Transport Conference", "By Zoë Müller", para, PARA_B, PARA_C)
    ex = extract_text_dump(text)
    assert ex.title == "Łódź Hosts Transport Conference"
    assert ex.byline == "Zoë Müller"
    assert ex.paragraphs[0] == para


def test_hard_wrapped_dump_is_unwrapped():
    words = (PARA_A + " " + PARA_B).split()
    lines, cur = [], ""
    for w in words:
        if len(cur) + 1 + len(w) > 72:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    filler = "\n".join(
        f"   menu item {i} with some words to fill the line width up to" for i in range(8)
    )
    text = filler + "\n\n" + "\n".join("   " + ln for ln in lines) + "\n"
    blocks = split_blocks(text)
    assert any(b.text == PARA_A + " " + PARA_B for b in blocks)


def test_narrow_column_is_unwrapped():
    # a page wrapped at 100 columns, with one text column wrapped at 40 (a table layout)
    wide = "\n".join(wrap_words(" ".join([PARA_B, PARA_C] * 3), 100))
    narrow = "\n".join(wrap_words(PARA_A, 40))
    blocks = split_blocks(wide + "\n\n" + narrow + "\n")
    assert any(b.text == PARA_A for b in blocks)


def test_short_lines_not_joined_as_column():
    text = "Home\nWorld news today\nBusiness and money\nSport\n"
    assert [b.text for b in split_blocks(text)] == [
        "Home", "World news today", "Business and money", "Sport"]


def test_empty_emphasis_removed():
    blocks = split_blocks(PARA_A + " __\n")
    assert blocks[0].text == PARA_A


def test_image_carousel_captions_not_article():
    caption = ("A passenger plane takes off from the city's international airport on a "
               "cloudy morning in March, with the terminal in the background.")
    teasers = []
    for i in range(6):
        cap = caption.replace("March", f"month {i}")
        teasers += [cap, cap, f"Teaser headline number {i} about another story"]
    text = _dump("Budget news", *teasers, "Library budget approved", PARA_A, PARA_B, PARA_C,
                 "Comments")
    ex = extract_text_dump(text)
    assert ex.paragraphs == [PARA_A, PARA_B, PARA_C]


def test_long_block_shown_again_is_dropped():
    long = PARA_B + " " + PARA_C  # shown again below the article (from page metadata)
    text = _dump("Library budget approved", PARA_A, long, "Share this article",
                 "Site name https://example.org/logo.png", long, "More news")
    ex = extract_text_dump(text)
    assert ex.paragraphs == [PARA_A, long]


def test_cjk_text_not_mangled():
    para = (
        "市議会は火曜日、公共図書館の新しい予算を承認した。"
        "職員によると、書籍の購入費が一割増える。"
    )
    text = _dump("図書館予算を承認", "2021年7月7日", para, para.replace("火曜日", "水曜日"))
    ex = extract_text_dump(text)
    assert para in ex.paragraphs
    assert ex.published == "2021-07-07"


def test_empty_and_chrome_only_inputs():
    assert extract_text_dump("").paragraphs == []
    ex = extract_text_dump(_dump("Menu", "Search", "  * Home\n  * News"))
    assert ex.paragraphs == []
    assert "no article body found" in ex.warnings


def test_menu_line_is_not_the_headline():
    ex = extract_text_dump(raw_dump("Reservoir Falls To Decade Low"))
    assert ex.title == "Reservoir Falls To Decade Low"
    assert ex.paragraphs == PARAGRAPHS
    assert ex.source == "Valley Courier"


def test_raw_dump_dateline_and_lead():
    ex = extract_text_dump(raw_dump("Reservoir Falls To Decade Low",
                                    dateline="Published March 3, 2022"),
                           today=date(2024, 1, 1))
    assert ex.title == "Reservoir Falls To Decade Low"
    assert ex.published == "2022-03-03"
    lead = "The valley's main reservoir is at its lowest level in ten years, the council says."
    ex = extract_text_dump(raw_dump("Reservoir Falls To Decade Low", lead=lead))
    assert ex.title == "Reservoir Falls To Decade Low"
    assert ex.summary == lead
    assert lead not in ex.paragraphs
    assert ex.paragraphs == PARAGRAPHS


@pytest.mark.parametrize("line", [
    "Home  World  Business  Sport  Opinion", "Subscribe  Log in", "News | Politics | Economy",
    "Home · Sport · Football", "World • Europe", "News / World / Europe", "Home\tWorld\tSport",
])
def test_menu_lines_detected(line):
    assert is_menu_text(line)


@pytest.mark.parametrize("line", [
    "Reservoir Falls To Decade Low", "Council approves budget. Officials welcome it.",
    "RFE/RL journalists report the news", "Prices rise | Markets fall as traders wait for rates",
])
def test_non_menu_lines(line):
    assert not is_menu_text(line)


def test_menu_line_between_headline_candidates():
    text = _dump("News | Politics | Economy", "Council Approves Library Budget",
                 PARA_A, PARA_B, PARA_C)
    assert extract_text_dump(text).title == "Council Approves Library Budget"


def test_gallery_captions_dropped():
    text = _dump("Council Approves Library Budget",
                 "1 of 3 A reading room in the central library, with new shelves installed "
                 "by the council and volunteers from the town during the summer holidays.",
                 "2 of 3 Children at the opening of the new branch in the northern district "
                 "of the city, where the council will extend opening hours next spring.",
                 PARA_A, PARA_B, PARA_C)
    assert extract_text_dump(text).paragraphs == [PARA_A, PARA_B, PARA_C]


def test_teaser_cards_after_article_cut():
    cards = []
    for i in range(3):
        cards += ["Share Save Tweet", f"Teaser headline number {i} about another story",
                  f"A teaser sentence number {i} that leads readers to another page of the site "
                  "with other news from the region and beyond."]
    text = _dump("Council Approves Library Budget", PARA_A, PARA_B, PARA_C, *cards,
                 "Share Save Tweet")
    assert extract_text_dump(text).paragraphs == [PARA_A, PARA_B, PARA_C]


# --- the sample raw files in content/raw ------------------------------------------------

def _sample(name: str):
    return extract_text_dump((RAW / name).read_text(encoding="utf-8"), today=date(2024, 1, 1))


def test_samples_are_marked():
    for path in RAW.glob("sample_*.txt"):
        assert "not a real news report" in path.read_text(encoding="utf-8")


def test_sample_cookie_related():
    ex = _sample("sample_cookie_related.txt")
    assert ex.title.startswith("Baltic States Agree")
    assert ex.byline == "Ingrid Halvorsen"
    assert ex.published == "2020-09-14"
    assert ex.source == "Northwind Herald"
    assert len(ex.paragraphs) == 4
    assert not any("cookies" in p or "floating turbines" in p for p in ex.paragraphs)


def test_sample_dateline_byline():
    ex = _sample("sample_dateline_byline.txt")
    assert ex.title == "Kazakhstan Announces Review of Grain Export Quotas"
    assert ex.byline == "Aigerim Sultanova and Daniel Moss"
    assert (ex.published, ex.published_source) == ("2022-03-03", "dateline")
    assert ex.paragraphs[0].startswith("ALMATY, Kazakhstan, March 3, 2022")
    assert not any("Railway link" in p for p in ex.paragraphs)


def test_sample_caption_lead():
    ex = _sample("sample_caption_lead.txt")
    assert ex.summary.startswith("Ministers from Brazil and Portugal")
    assert not any(p.startswith("Ministers from Brazil") for p in ex.paragraphs)
    assert ex.paragraphs[0].startswith("The agreement, signed on 12 October 2021")
    assert ex.published == "2021-10-13"
    assert ex.source == "Lusophone Daily"


def test_sample_non_ascii():
    ex = _sample("sample_non_ascii.txt")
    assert ex.title.startswith("Łódź Hosts Conference")
    assert ex.byline == "Zoë Müller"
    assert ex.published == "2023-06-07"
    assert ex.credits.startswith("Reporting by Zoë Müller")
    assert any("São Paulo" in p for p in ex.paragraphs)
    assert not any(p.startswith("Reporting by") for p in ex.paragraphs)


# --- the shared dev corpus --------------------------------------------------------------

def _scorer():
    path = SHARED / "eval" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("style", ["html2text", "inscriptis", "lynx", "w3m"])
def test_corpus_f1_per_style(style):
    dev = SHARED / "corpus" / "dev"
    if not (dev / "truth.json").is_file() or not (SHARED / "eval").is_dir():
        pytest.skip(f"shared corpus not found at {SHARED}")
    sc = _scorer()
    truth = {k: v["articleBody"] for k, v in
             json.loads((dev / "truth.json").read_text(encoding="utf-8")).items()}
    pred = {}
    for pid in truth:
        f = dev / pid / f"dump_{style}.txt"
        if f.exists():
            ex = extract_text_dump(f.read_text(encoding="utf-8", errors="replace"))
            pred[pid] = "\n\n".join(ex.paragraphs)
    res = sc.aggregate(sc.per_doc_rows(truth, pred))
    assert res["f1"] >= 0.85, f"{style}: F1 {res['f1']:.3f} below 0.85"


def test_heading_markup_inside_a_list_item_is_removed():
    blocks = split_blocks("  * #### Museum opens new wing\n  * ## Parks get new benches ##\n"
                          "  * #hashtag stays\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("li", "Museum opens new wing"), ("li", "Parks get new benches"),
        ("li", "#hashtag stays")]


def test_a_box_of_links_above_the_article_is_no_inset():
    """"Most Popular" with its links before the article (no prose above it) is page chrome
    that ends what stands before it, not a link box inside the article."""
    from news_archive.extract.classify import score_blocks

    text = _dump("Council Approves Library Budget", "Published March 2, 2021",
                 "Most Popular", LINKS, PARA_A, PARA_B, *MORE)
    marker = next(s for s in score_blocks(split_blocks(text)) if s.text == "Most Popular")
    assert marker.reason == "end"


def test_headline_above_a_long_share_panel_with_notices_in_it():
    # a share panel under the headline holds short lines that are not chrome words ("These
    # links open in a new window"); the headline still has its article after the panel, and
    # the notice right above the article is no headline
    share = [f"Share this with {net}" for net in ("Facebook", "Messenger", "Twitter", "Email",
                                                    "WhatsApp")]
    dump = "\n\n".join([
        "Valley Courier", "Home", "News", "Regions",
        "Harbour reopens after winter storm", "19 November 2019", *share,
        "These links open in a new window", *share, *share, "Copy this link",
        "Read more about sharing.", "Media playback is not available on this device",
        *PARAGRAPHS, "More on this story", "Related topics"]) + "\n"
    ex = extract_text_dump(dump, today=date(2020, 1, 1))
    assert ex.title == "Harbour reopens after winter storm"
    assert ex.published == "2019-11-19"
    assert ex.paragraphs == PARAGRAPHS


def test_a_title_cased_headline_that_ends_with_a_full_stop():
    headline = "Harbour Stock Is Falling After Its Storm Report. Why Owners Shouldn't Worry."
    dump = "\n\n".join(["Valley Courier", "Markets", headline, "By Ann Lee",
                        "Updated Nov. 19, 2019 8:21 am ET", *PARAGRAPHS]) + "\n"
    ex = extract_text_dump(dump, today=date(2020, 1, 1))
    assert ex.title == headline
    assert ex.paragraphs == PARAGRAPHS


def test_title_case_is_a_headline_mark_and_prose_is_not_title_cased():
    from news_archive.extract.meta import title_cased

    assert title_cased("Shares Fall After Earnings Report. Why Investors Shrug.")
    assert not title_cased("Shares fell after the earnings report, and investors shrugged.")
    assert not title_cased("Read More.")  # too few words to tell


def test_a_line_that_is_never_a_headline_is_no_headline_above_a_deck():
    from news_archive.extract.classify import score_blocks
    from news_archive.extract.meta import headline_above_deck

    long_headline = ("Traders cannot tell what to make of the long harbour dispute between the "
                     "two towns")
    for above, chosen in (("━━━━━━━━━━━━━━━━━━━━", 1),  # a rule line above the headline
                          ("Harbour Dispute", 0)):  # a short headline above its deck stays
        scored = score_blocks(split_blocks(above + "\n\n" + long_headline + "\n"))
        assert headline_above_deck(scored, 1, {0: 4.0, 1: 4.5}, set()) == chosen


def test_dates_in_photo_captions_under_the_headline_do_not_date_the_article():
    caption = ("Dock workers unload containers at the northern harbour on October 10, 2019, "
               "after the council lifted the ban on night shifts that had slowed the port.")
    other = caption.replace("October 10", "March 13")
    dump = "\n\n".join([
        "Home", "Business", "Markets",
        "Traders cannot tell what to make of the long harbour dispute between the two towns",
        "By Ann Lee, Valley Business", "Updated 0339 GMT (1139 HKT) November 19, 2019",
        "Watch the latest videos", "MUST WATCH", caption, caption,
        "Harbour strike ends after two weeks", other, other, "Ferries return to the old pier",
        *PARAGRAPHS]) + "\n"
    ex = extract_text_dump(dump, today=date(2020, 1, 1))
    assert ex.published == "2019-11-19"  # the date line, not the first caption's date


@pytest.mark.parametrize(("above_score", "chosen"), [(1.96, "above"), (1.0, "inside")])
def test_a_line_inside_the_article_gives_way_to_a_headline_above_it(monkeypatch, above_score,
                                                                   chosen):
    # the scores of a page whose headline (above) scored 1.96 and a subheading after the
    # first paragraph (inside) 2.0: the line above wins unless the inside one leads by more
    # than INSIDE_MARGIN
    from news_archive.extract import meta
    from news_archive.extract.classify import score_blocks

    text = "\n\n".join(["Home", "Regional water council approves its plan", PARAGRAPHS[0],
                        "Checking chain stretch", PARAGRAPHS[1]]) + "\n"
    scored = score_blocks(split_blocks(text))
    index = {"above": 1, "inside": 3}
    scores = {index["above"]: above_score, index["inside"]: 2.0}
    monkeypatch.setattr(meta, "title_score", lambda sc, i, anchor=False: scores.get(i, 0.0))
    assert meta.headline_before_article(scored, index["inside"], 2) == index[chosen]
    assert meta.headline_before_article(scored, index["above"], 2) == index["above"]

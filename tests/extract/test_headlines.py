"""Headline rules: the page's own <h1> wins, the headline never opens the body, briefs keep
their headline, sentence-case headlines in other languages, datelines split off.

All samples are written for these tests (no corpus text).
"""

from __future__ import annotations

from datetime import date

import pytest
from lxml import html as lxml_html
from news_archive.extract.headline import page_h1, shares_headline, site_in_title
from news_archive.extract.html_page import extract_html_page
from news_archive.extract.text_dump import extract_text_dump

TODAY = date(2030, 1, 1)
PARAS = [
    "The river authority of the northern province said on Monday that water levels at the "
    "main dam had fallen to their lowest point in eleven years after a dry winter.",
    "Engineers have begun releasing smaller volumes to farms downstream, and officials asked "
    "residents of three districts to limit the use of water for gardens until further notice.",
    "Farmers' associations warned that rice planting could be delayed by several weeks, which "
    "would push the harvest into the rainy season and raise the risk of losses.",
    "The authority will publish new figures every Friday and review the restrictions at the "
    "end of the month, according to a statement posted on its website.",
]
H1 = "Dam levels fall to an eleven-year low after a dry winter in the north"
SOCIAL = "Dam at 11-year low"


def page(h1_html: str, og_title: str, title_tag: str, before: str = "") -> str:
    ps = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title_tag}</title>
<meta property="og:title" content="{og_title}">
<meta property="og:site_name" content="The Valley Courier">
</head><body><header><a href="/"><h1>The Valley Courier</h1></a>
<nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
{before}<article>{h1_html}<div class="body">{ps}</div></article>
<footer><p>Copyright The Valley Courier.</p></footer></body></html>"""


def test_h1_wins_over_shorter_social_title():
    e = extract_html_page(page(f"<h1>{H1}</h1>", SOCIAL, f"{SOCIAL} | The Valley Courier"))
    assert e.title == H1
    assert e.paragraphs[0] == PARAS[0]


def test_h1_with_markup_wins_and_is_not_repeated_in_body():
    h1 = "<h1>Dam levels fall to an <em>eleven-year low</em> after a dry winter in the north</h1>"
    e = extract_html_page(page(h1, SOCIAL, SOCIAL))
    assert e.title == H1
    assert all(H1 not in p and SOCIAL not in p for p in e.paragraphs)
    assert e.paragraphs[0] == PARAS[0]


def test_title_tag_site_suffix_dropped_by_h1():
    e = extract_html_page(page(f"<h1>{H1}</h1>", f"{H1} - The Valley Courier",
                               f"{H1} - The Valley Courier"))
    assert e.title == H1


def test_meta_title_when_no_usable_h1():
    # the only <h1> is the site's logo (inside a link): the metadata title stays
    e = extract_html_page(page("", H1, f"{H1} | The Valley Courier"))
    assert e.title == H1


def test_page_h1_skips_logo_navigation_and_one_word_headings():
    tree = lxml_html.fromstring(
        "<html><body><a href='/'><h1>Courier</h1></a><nav><h1>Sections and more</h1></nav>"
        f"<h1>Opinion</h1><main><h1>{H1}</h1></main></body></html>")
    assert page_h1(tree, SOCIAL, "Courier") == H1


def test_page_h1_in_article_wins_over_earlier_h1():
    tree = lxml_html.fromstring(
        f"<html><body><main><h1>The Courier Blog</h1><article><h1>{H1}</h1></article></main>"
        "</body></html>")
    assert page_h1(tree, f"{H1} - The Courier Blog", "") == H1


def test_shares_headline():
    assert shares_headline(f"{H1} | The Valley Courier", H1)
    assert not shares_headline("Weather for the weekend", H1)


def test_headline_not_repeated_as_first_paragraph_in_dump():
    text = "\n\n".join([H1, H1, *PARAS]) + "\n"
    ex = extract_text_dump(text)
    assert ex.title == H1
    assert ex.paragraphs[0] == PARAS[0]


# --- briefs ------------------------------------------------------------------------------

@pytest.mark.parametrize("parts,body", [
    (["Storm closes mountain pass",
      "The main mountain pass was closed on Monday after heavy snow, the road authority said.",
      "It is expected to reopen on Wednesday."], 2),
    (["Storm closes pass", "The pass was closed on Monday.", "It reopens on Wednesday."], 2),
    (["Menu  Search", "Storm closes mountain pass", "June 3, 2019",
      "The main mountain pass was closed on Monday after heavy snow, the road authority said.",
      "Drivers were told to use the southern road instead.", "© 2019 Valley News"], 2),
])
def test_briefs_keep_headline_and_paragraphs(parts, body):
    ex = extract_text_dump("\n\n".join(parts) + "\n", today=TODAY)
    assert "closes" in ex.title and "pass" in ex.title
    assert len(ex.paragraphs) == body
    assert all(p != ex.title for p in ex.paragraphs)


# --- other languages: sentence-case headlines, datelines split off -----------------------

LEADS = {
    "de": ("Regierung plant neue Regeln für den Wohnungsbau",
           "Die Landesregierung hat am Dienstag einen neuen Plan für den Wohnungsbau vorgestellt, "
           "der in den kommenden fünf Jahren mehr bezahlbare Wohnungen schaffen soll.",
           "Die Opposition kritisierte den Plan als unzureichend und forderte mehr Geld für den "
           "sozialen Wohnungsbau in den Städten."),
    "fr": ("Le gouvernement présente un nouveau plan pour le logement",
           "Le gouvernement a présenté mardi un nouveau plan pour le logement, qui doit permettre "
           "de construire davantage de logements abordables dans les grandes villes.",
           "L'opposition a jugé le plan insuffisant et réclamé davantage de moyens pour le "
           "logement social dans les régions."),
    "ru": ("Правительство представило новый план по жилью",
           "Правительство во вторник представило новый план по строительству жилья, который "
           "должен обеспечить горожан доступными квартирами в ближайшие пять лет.",
           "Оппозиция назвала план недостаточным и потребовала больше средств на социальное "
           "жильё в регионах."),
    "tr": ("Hükümet konut için yeni planını açıkladı",
           "Hükümet salı günü, önümüzdeki beş yıl içinde büyük şehirlerde daha fazla uygun "
           "fiyatlı konut yapılmasını öngören yeni bir plan açıkladı.",
           "Muhalefet planı yetersiz bularak sosyal konut için daha fazla kaynak ayrılmasını "
           "istedi."),
}
DATED = {"de": "03.06.2019, 10:15 Uhr", "fr": "Publié le 3 juin 2019 à 10h15",
         "ru": "5 мая 2019, 10:15", "tr": "Yayınlanma: 5 Mayıs 2019 10:15"}
ISO = {"de": "2019-06-03", "fr": "2019-06-03", "ru": "2019-05-05", "tr": "2019-05-05"}


@pytest.mark.parametrize("lang", sorted(LEADS))
def test_sentence_case_headline_with_date_line(lang):
    head, p1, p2 = LEADS[lang]
    text = "\n\n".join(["Home | News | Sport | Culture", head, DATED[lang], p1, p2]) + "\n"
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == head
    assert ex.published == ISO[lang]
    assert ex.paragraphs == [p1, p2]


@pytest.mark.parametrize("lang", sorted(LEADS))
def test_sentence_case_headline_of_a_brief(lang):
    head, p1, p2 = LEADS[lang]
    ex = extract_text_dump("\n\n".join([head, p1, p2]) + "\n", today=TODAY)
    assert ex.title == head
    assert ex.paragraphs == [p1, p2]


def test_dateline_opening_the_headline_block_is_split_off():
    head, p1, p2 = LEADS["ru"]
    ex = extract_text_dump("\n\n".join([f"ТАШКЕНТ, 5 мая 2019 — {head}", p1, p2]) + "\n",
                           today=TODAY)
    assert ex.title == head
    assert ex.published == "2019-05-05"


def test_stand_in_headline_starts_after_the_dateline():
    _head, p1, p2 = LEADS["ru"]
    ex = extract_text_dump("\n\n".join([f"ТАШКЕНТ, 5 мая 2019 — {p1}", p2]) + "\n",
                           today=TODAY)
    assert ex.title.startswith("Правительство во вторник")
    assert "ТАШКЕНТ" not in ex.title
    assert ex.published == "2019-05-05"
    assert ex.paragraphs[0].startswith("ТАШКЕНТ, 5 мая 2019 —")  # the body keeps its words


def test_arabic_script_dateline_split_off_headline():
    head = "الحكومة تعلن خطة جديدة للإسكان"
    p1 = ("أعلنت الحكومة يوم الثلاثاء خطة جديدة لبناء المزيد من المساكن بأسعار معقولة في المدن "
          "الكبرى خلال السنوات الخمس المقبلة، وفق بيان رسمي.")
    p2 = "وانتقدت المعارضة الخطة واعتبرتها غير كافية وطالبت بمزيد من التمويل للإسكان الاجتماعي."
    ex = extract_text_dump("\n\n".join([f"بيروت، 3 يونيو 2019 — {head}", p1, p2]) + "\n",
                           today=TODAY)
    assert ex.title == head
    assert ex.published == "2019-06-03"


def test_lone_site_name_h1_in_page_header_is_not_the_headline():
    tree = lxml_html.fromstring(
        "<html><body><header><h1>Daily Northern Planet</h1></header>"
        f"<div class='story'><h2>{H1}</h2><p>{PARAS[0]}</p></div></body></html>")
    assert page_h1(tree, H1, "") == ""


@pytest.mark.parametrize("head", ["UK: Inflation rises to a ten-year high",
                                  "BREAKING: Storm closes the mountain pass"])
def test_headline_prefix_without_date_is_kept(head):
    ex = extract_text_dump("\n\n".join([head, *PARAS]) + "\n", today=TODAY)
    assert ex.title == head


# --- dump headlines with a standfirst, a date or a site name beside them ------------------

DECK = "Farms downstream face weeks of delay as engineers cut the water released"
MASTHEAD = "The Valley Courier"
FOOTER = "© 2030 The Valley Courier. All rights reserved."


def dump(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def test_standfirst_under_headline_stays_the_standfirst():
    ex = extract_text_dump(dump(H1, DECK, "By Amira Haddad", "March 3, 2021", *PARAS),
                           today=TODAY)
    assert ex.title == H1
    assert ex.summary == DECK
    assert ex.paragraphs[0] == PARAS[0]


def test_short_line_under_headline_without_byline_or_date_is_not_a_standfirst():
    """Without a byline or date under it, the second line is not taken for a standfirst that
    lets the first line stand as the headline: a photo caption then the article."""
    ex = extract_text_dump(dump("Menu", H1, "Dam levels 11 years", *PARAS), today=TODAY)
    assert ex.title == "Dam levels 11 years"


@pytest.mark.parametrize("stamp", ["March 3, 2021", "Updated March 3, 2021 10:45 GMT",
                                   "3 March 2021"])
@pytest.mark.parametrize("sep", [" | ", " - ", " — "])
def test_headline_with_date_stamp_after_it(stamp, sep):
    ex = extract_text_dump(dump(H1 + sep + stamp, *PARAS), today=TODAY)
    assert ex.title == H1
    assert ex.published == "2021-03-03"


@pytest.mark.parametrize("sep", [" | ", " - ", " – "])
def test_site_name_after_headline_is_dropped_when_the_page_shows_it(sep):
    ex = extract_text_dump(dump(H1 + sep + MASTHEAD, *PARAS, FOOTER), today=TODAY)
    assert ex.title == H1


def test_domain_after_headline_is_dropped():
    ex = extract_text_dump(dump(H1 + " | valleycourier.example.org", *PARAS), today=TODAY)
    assert ex.title == H1


@pytest.mark.parametrize("title", [
    "Dam levels fall to an eleven-year low - What Farmers Can Do",  # not shown elsewhere
    "Dam levels fall to an eleven-year low - but farmers are calm",  # not a name
])
def test_headline_tail_that_is_no_site_name_is_kept(title):
    ex = extract_text_dump(dump(title, *PARAS, FOOTER), today=TODAY)
    assert ex.title == title


@pytest.mark.parametrize("title", ["Water deal signed with the U.S.",
                                   "Dam operator sold to Acme Inc.",
                                   "Dam levels fall to an eleven-year low."])
def test_headline_ending_with_a_period(title):
    ex = extract_text_dump(dump(title, *PARAS), today=TODAY)
    assert ex.title == title
    assert ex.paragraphs[0] == PARAS[0]


@pytest.mark.parametrize("title, headline, site", [
    ("Council approves library budget | Riverside Chronicle", "Council approves library budget",
     "Riverside Chronicle"),
    ("Council approves library budget - Local - Riverside Chronicle",
     "Council approves library budget", "Riverside Chronicle"),
    ("Council approves library budget | riverside-chronicle.example",
     "Council approves library budget", "riverside-chronicle.example"),
    # not the headline, or not a name after it
    ("Budget news | Riverside Chronicle", "Council approves library budget", ""),
    ("Council approves library budget | read the full story here",
     "Council approves library budget", ""),
    ("Council approves library budget", "Council approves library budget", ""),
])
def test_site_name_after_the_headline_in_the_title(title, headline, site):
    assert site_in_title(title, headline) == site


def test_saved_page_without_site_metadata_takes_its_outlet_from_the_title():
    html = ("<html><head><title>Council approves library budget | Riverside Chronicle</title>"
            "</head><body><article><h1>Council approves library budget</h1>"
            + "".join(f"<p>{p}</p>" for p in (
                "The regional council approved a new budget for public libraries on Thursday, "
                "raising spending on books and reading rooms by a tenth, officials said.",
                "Council members from both parties supported the plan, which also funds "
                "longer opening hours in rural branches during the winter months.",
                "Librarians welcomed the decision but warned that staff shortages would have "
                "to be solved before the new hours can start in the spring."))
            + "</article></body></html>")
    assert extract_html_page(html).source == "Riverside Chronicle"

"""Photos set inside an article (alt text, a photo count, a caption with its credit) do not
split the article, do not end it, and do not enter its body; a standfirst above the lead photo
is the standfirst.  Sample dumps written for these tests (no real article text)."""

from __future__ import annotations

import textwrap

import pytest
from news_archive.extract.classify import is_caption, is_doubled
from news_archive.extract.text_dump import extract_text_dump
from rawtexts import PARAGRAPHS, distinct_paragraphs

CHROME_TOP = ["Skip to main content", "", "* Home", "* World", "* Business", "* Sport",
              "* Opinion", "* Weather", ""]
CHROME_END = ["### Most read in the valley", "", "Another story about rivers", "",
              "A second story about roads", "", "© 2022 Valley Courier. All rights reserved.",
              "Sample written for the News Archive tests; not a real news report.", ""]
HEADLINE = "# Water council asks farmers to delay planting as the reservoir falls"
ALT = "The reservoir on the upper river seen from the dam in the northern valley"


def _photo(count: str = "4", credit: str = "Credit: Valley Photo Agency") -> list[str]:
    """A lead photo as text dumps show it: alt text, the gallery's photo count, caption."""
    return [ALT, "", count, "", f"{ALT}{credit}", ""]


def _dump(*parts: list[str]) -> str:
    lines: list[str] = []
    for p in parts:
        lines += p
    return "\n".join(lines) + "\n"


def _paras(texts: list[str]) -> list[str]:
    return [line for t in texts for line in (t, "")]


def _story(*middle: list[str]) -> str:
    """A dump of the headline with a byline, then `middle`, between the site's chrome."""
    return _dump(CHROME_TOP, [HEADLINE, "", "By Mirela Novak", ""], *middle, CHROME_END)


def test_credit_at_the_end_of_a_caption():
    assert is_caption("Engineers at the gauging station on the riverCredit: Getty - Contributor")
    assert is_caption("The dam at dawn. Photo: Ann Lee")
    assert not is_caption("Engineers said the readings were lower than at any time since 2009.")


def test_lead_paragraphs_above_a_photo_stay_in_the_article():
    more = distinct_paragraphs(3)
    text = _dump(CHROME_TOP, [HEADLINE, "", "* Mirela Novak", "* 18 Nov 2019, 19:09", ""],
                 _paras(PARAGRAPHS[:2]), _photo(), _paras(PARAGRAPHS[2:] + more), CHROME_END)
    ex = extract_text_dump(text)
    assert ex.paragraphs[:2] == PARAGRAPHS[:2]
    assert ex.paragraphs[2:] == PARAGRAPHS[2:] + more
    assert not any(ALT in p for p in ex.paragraphs)  # alt text and caption are not body text
    assert ex.published == "2019-11-18"


def test_one_paragraph_above_the_lead_photo_is_the_standfirst():
    dek = ("Farmers face a late start to the season after the driest spring in a decade, "
           "and the council promises to review the rules every week.")
    text = _dump(CHROME_TOP, [HEADLINE, ""], [dek, ""], _photo(),
                 _paras(PARAGRAPHS + distinct_paragraphs(5)), CHROME_END)
    ex = extract_text_dump(text)
    assert ex.summary == dek
    assert ex.paragraphs[0] == PARAGRAPHS[0]
    assert dek not in ex.paragraphs


def test_a_photo_credit_repeated_down_a_gallery_does_not_end_the_article():
    credit = "Photo: Ann Lee, Valley Courier"
    gallery: list[str] = []
    for n in range(3):
        gallery += [f"Gauging station number {n + 1} on the upper river in June", "",
                    credit, ""]
    more = distinct_paragraphs(7)
    text = _story(_paras(PARAGRAPHS),
                 gallery, _paras(more))
    ex = extract_text_dump(text)
    assert ex.paragraphs[-len(more):] == more
    assert credit not in ex.paragraphs


def test_a_box_of_teaser_cards_inside_the_article_does_not_end_it():
    cards: list[str] = ["### Most read in the valley", ""]
    for kicker, teaser in [("FLOOD WARNING", "Bridge on the old road closed until spring"),
                           ("LATE HARVEST", "Vineyards count the cost of a cold September"),
                           ("NEW DEPOT", "Bus company opens a depot on the coastal plain"),
                           ("CITY HALL", "Mayor promises a decision on parking fees")]:
        cards += [f"### {kicker}", "", teaser, ""]
    more = distinct_paragraphs(9)
    text = _story(_paras(PARAGRAPHS),
                 cards, _paras(more))
    ex = extract_text_dump(text)
    assert ex.paragraphs == PARAGRAPHS + more


TOUR = ["June 9 -- Harbour Hall, Port Mira", "June 12 -- Civic Arena, Old Town",
        "June 15 -- Riverside Stage, Delta City", "July 2 -- Hill Park Bowl, Eastfield",
        "July 6 -- Market Square, Northgate", "July 9 -- Castle Yard, Westmoor"]


def test_a_listing_that_closes_the_article_is_kept():
    text = _story(_paras(PARAGRAPHS),
                 _paras(["The summer tour dates:", *TOUR]))
    ex = extract_text_dump(text)
    assert ex.paragraphs == PARAGRAPHS + ["The summer tour dates:", *TOUR]


def test_a_few_short_lines_after_the_article_are_no_listing():
    links = ["Valley Courier -- Contact us", "Valley Courier -- Advertise with us 24/7"]
    text = _story(_paras(PARAGRAPHS),
                 _paras(links))
    ex = extract_text_dump(text)
    assert ex.paragraphs == PARAGRAPHS


def test_agency_style_captions_are_captions_and_prose_is_not():
    caption = ("In this Nov. 19, 2019, file photo, engineers measure the flow of the upper river "
               "at a gauging station in the northern valley.")
    assert is_caption(caption)
    assert is_caption("In this photo released by the council, the dam at dawn.")
    assert is_caption("[In this photo released by the council, the dam at dawn.]")  # alt text
    assert not is_caption("In this case the council said that photos taken at night "
                          "showed the reservoir was lower than engineers had expected.")
    text = _story(_paras(PARAGRAPHS[:2]),
                 [caption, ""], _paras(PARAGRAPHS[2:]))
    assert extract_text_dump(text).paragraphs == PARAGRAPHS


def test_teaser_cards_with_their_title_shown_twice_are_not_article():
    assert is_doubled("Harbour authority opens a new ferry pier Harbour authority opens a new "
                      "ferry pier")
    assert not is_doubled("The council met on Monday. The council met again on Tuesday.")
    teasers: list[str] = []
    for n in (11, 12, 13):
        title = f"Story {n}: the {n * 2} households of the old town"
        teasers += [f"{title} {title}", "",
                    f"Residents of the old town were told by letter about story {n} and "
                    "what it means for them.", ""]
    text = _story(_paras(PARAGRAPHS),
                 teasers)
    assert extract_text_dump(text).paragraphs == PARAGRAPHS


def test_an_advertisement_label_wrapped_into_a_paragraph_is_dropped():
    quote = ("The chairwoman said after the vote: \"We are glad the council listened to the "
             "farmers of the valley and to the engineers who measured the river all spring, "
             "and we will meet all of them again in the town hall.\"")  # (last line: 65 chars)
    def wrap(paras: list[str]) -> list[str]:  # a dump hard-wrapped at 72 columns
        return [line for p in paras for line in (*textwrap.wrap(p, 72), "")]

    text = _story(wrap(PARAGRAPHS[:2]),
                 wrap([quote])[:-1], ["Advertisement", ""], wrap(PARAGRAPHS[2:]))
    ex = extract_text_dump(text)
    assert quote in ex.paragraphs
    assert not any("Advertisement" in p for p in ex.paragraphs)


def test_a_box_of_teaser_headlines_inside_the_article_does_not_end_it():
    box = ["More from the valley", "",
           "Bridge on the old road closed until the spring", "",
           "Vineyards count the cost of a cold September", "",
           "Bus company opens a new depot on the coastal plain", ""]
    more = distinct_paragraphs(4)
    text = _story(_paras(PARAGRAPHS),
                 box, _paras(more))
    assert extract_text_dump(text).paragraphs == PARAGRAPHS + more


def test_a_read_more_link_inside_the_article_is_not_article_text():
    link = "Read more: Harbour Authority Opens A New Ferry Pier After Row Over A Rail Link"
    text = _story(_paras(PARAGRAPHS[:2]),
                 [link, ""], _paras(PARAGRAPHS[2:]))
    assert extract_text_dump(text).paragraphs == PARAGRAPHS


def test_a_box_of_teasers_under_kickers_in_capitals_does_not_end_the_article():
    box = ["Most read in the valley", ""]
    for kicker, teaser in [("FLOOD WARNING", "Bridge on the old road closed until the spring"),
                           ("‘TOO LATE’", "Vineyards count the cost of a cold September"),
                           ("NEW DEPOT", "Bus company opens a new depot on the coastal plain")]:
        box += [kicker, "", teaser, ""]
    more = distinct_paragraphs(6)
    text = _story(_paras(PARAGRAPHS),
                 box, _paras(more))
    assert extract_text_dump(text).paragraphs == PARAGRAPHS + more


def test_section_labels_over_teasers_with_summaries_end_the_article():
    """'More from ...' over cards of a section label, a teaser and its summary is the page's
    list of other stories, not an inset: the article ends there."""
    box = ["More from the Valley Courier", ""]
    for n, label in enumerate(["Business", "Climate", "Transport"]):
        box += [label, "", f"Story {n}: the harbour authority opens a new ferry pier", "",
                distinct_paragraphs(20 + n)[0], ""]
    text = _story(_paras(PARAGRAPHS),
                 box)
    assert extract_text_dump(text).paragraphs == PARAGRAPHS


def test_gallery_captions_with_their_more_and_less_toggles_are_captions():
    long_caption = ("Engineers of the water council measure the flow of the upper river at the "
                    "third gauging station in the northern valley on Monday, June 3, 2019, as "
                    "the reservoir falls to its lowest level in a decade, officials said on "
                    "Monday. less")
    assert len(long_caption) > 220 and is_caption(long_caption)
    assert is_caption("Engineers of the water council measure the flow of the upper ... more")
    assert not is_caption("The council said it would ask for more.")
    text = _story(_paras(PARAGRAPHS[:2]),
                 [long_caption, ""], _paras(PARAGRAPHS[2:]))
    assert extract_text_dump(text).paragraphs == PARAGRAPHS


@pytest.mark.parametrize("where", ["after", "before"])
def test_the_body_run_together_in_one_block_is_a_copy(where):
    """Pages that print their metadata show the article body again as one long paragraph;
    the paragraphs are kept, the long copy is not."""
    body = PARAGRAPHS + distinct_paragraphs(2)
    copy = [" ".join(body) + " " + " ".join(distinct_paragraphs(3)), ""]
    parts = [CHROME_TOP, [HEADLINE, "", "By Mirela Novak", ""], _paras(body), CHROME_END]
    parts.insert(3 if where == "after" else 0, copy)
    ex = extract_text_dump(_dump(*parts))
    assert ex.paragraphs == body


def test_screen_reader_labels_glued_to_a_caption_make_it_a_caption():
    # "Image caption" / "Media caption" are labels for screen readers; a text dump joins them
    # to the caption they announce
    assert is_caption("Media captionWho runs the northern harbour?")
    assert is_caption("Image captionThe pier was rebuilt in six weeks")
    assert is_caption("Image copyrightValley Photo Agency")
    assert not is_caption("Image quality of the new harbour cameras is poor, officials said.")
    text = _story(_paras(PARAGRAPHS[:2]),
                 ["Media captionWho runs the northern harbour now?", ""], _paras(PARAGRAPHS[2:]))
    assert extract_text_dump(text).paragraphs == PARAGRAPHS

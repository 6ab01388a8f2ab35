"""The headline of a dump without heading markup is the line above the article that shares
its words, not a teaser headline of another story beside it.  Sample dumps written for these
tests (no real article text)."""

from __future__ import annotations

from news_archive.extract.meta import ArticleTopic
from news_archive.extract.text_dump import extract_text_dump, score_blocks, split_blocks
from rawtexts import PARAGRAPHS

HEADLINE = "Water council asks farmers to delay planting as the reservoir falls"
TEASERS = ["Mayor promises a decision on parking fees before the summer",
           "Bus company opens a new depot on the coastal plain"]


def _dump(top: list[str]) -> str:
    lines = ["Skip to main content", "", "Home  World  Business  Sport", ""]
    for t in top:
        lines += [t, ""]
    lines += ["By Mirela Novak", "", "18 November 2019", ""]
    for p in PARAGRAPHS:
        lines += [p, ""]
    lines += ["© 2022 Valley Courier", "Sample written for the News Archive tests."]
    return "\n".join(lines) + "\n"


def test_the_headline_shares_the_articles_words():
    ex = extract_text_dump(_dump([*TEASERS, HEADLINE]))
    assert ex.title == HEADLINE


def test_article_topic_is_the_content_words_of_its_prose():
    scored = score_blocks(split_blocks("\n\n".join(PARAGRAPHS)))
    topic = ArticleTopic(scored, 0, len(scored) - 1).words
    assert {"reservoir", "farmers", "council"} <= topic
    assert "the" not in topic and "two" not in topic  # short words are no topic


def test_a_long_standfirst_right_under_the_headline_is_not_the_headline():
    deck = ("Engineers say the reservoir will recover by autumn, but farmers in the valley "
            "fear they will lose one of their two harvests this year")
    body = [f"{p} The council will publish new readings next week. Farmers will be told "
            f"by letter." for p in PARAGRAPHS]  # three sentences each: no headline
    lines = ["Skip to main content", "", "Home  World  Business  Sport", "", HEADLINE, "",
             deck, ""]
    for p in body:
        lines += [p, ""]
    lines += ["© 2022 Valley Courier", "Sample written for the tests."]
    ex = extract_text_dump("\n".join(lines) + "\n")
    assert ex.title == HEADLINE
    assert deck not in ex.paragraphs

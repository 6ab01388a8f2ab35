"""How lynx and w3m lay out headings and nested lists (news_archive.extract.blocks).

lynx sets running text three columns in and headings flush left, so a flush-left line of a
dump indented that way is a heading (of unknown level: h1 and h2 look alike); lynx marks its
fourth list level with "#", w3m its third with "☆".  The samples are written for these
tests.
"""

from __future__ import annotations

from news_archive.extract.blocks import split_blocks
from news_archive.extract.classify import score_blocks
from news_archive.extract.meta import title_score
from rawtexts import PARAGRAPHS, wrap_words


def _indented(paragraph: str) -> list[str]:
    return ["   " + ln for ln in wrap_words(paragraph, 72)]


def _lynx_dump(heading: str, section: str) -> str:
    lines = [heading, ""]
    for p in PARAGRAPHS[:2]:
        lines += [*_indented(p), ""]
    lines += [section, ""]
    for p in PARAGRAPHS[2:]:
        lines += [*_indented(p), ""]
    return "\n".join(lines) + "\n"


def test_flush_left_lines_of_an_indented_dump_are_headings():
    blocks = split_blocks(_lynx_dump("Water council asks farmers to wait", "WHAT COMES NEXT"))
    kinds = {b.text: (b.kind, b.level) for b in blocks}
    assert kinds["Water council asks farmers to wait"] == ("h", 0)
    assert kinds["WHAT COMES NEXT"] == ("h", 0)
    assert kinds[PARAGRAPHS[0]] == ("p", 0)


def test_a_flush_left_sentence_is_no_heading():
    standfirst = "Farmers in the valley will have to wait two more weeks before they plant."
    blocks = split_blocks(_lynx_dump("Water council asks farmers to wait", standfirst))
    assert next(b for b in blocks if b.text == standfirst).kind == "p"


def test_a_dump_with_paragraphs_in_column_zero_has_no_flush_left_headings():
    lines = []
    for p in PARAGRAPHS:
        lines += [*wrap_words(p, 72), ""]
    blocks = split_blocks("Water council asks farmers to wait\n\n" + "\n".join(lines))
    assert all(b.kind == "p" for b in blocks)


def test_deep_list_markers():
    dump = "\n".join([
        "   * Sections",
        "          + World",
        "               o Europe",
        "                    # Northern Europe",
        "  • Sections",
        "      □ World",
        "          ☆ Europe",
    ])
    blocks = split_blocks(dump)
    assert [(b.kind, b.text) for b in blocks] == [
        ("li", "Sections"), ("li", "World"), ("li", "Europe"), ("li", "Northern Europe"),
        ("li", "Sections"), ("li", "World"), ("li", "Europe")]


def test_a_hash_in_the_first_columns_is_still_a_heading_mark():
    assert [(b.kind, b.text) for b in split_blocks("## Markdown heading\n")] == [
        ("h", "Markdown heading")]


def test_a_heading_of_unknown_level_earns_no_headline_bonus():
    dump = _lynx_dump("Water council asks farmers to wait", "WHAT COMES NEXT")
    scored = score_blocks(split_blocks(dump))
    i = next(k for k, s in enumerate(scored) if s.text == "Water council asks farmers to wait")
    as_heading = title_score(scored, i)
    scored[i].block.kind = "p"
    assert as_heading == title_score(scored, i) > 0
    scored[i].block.kind, scored[i].block.level = "h", 2
    assert title_score(scored, i) > as_heading

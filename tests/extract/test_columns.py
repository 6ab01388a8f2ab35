"""Side-by-side text columns in a wrapped dump (news_archive.extract.columns).

w3m lays out a layout table's cells side by side; the article column and a sidebar then
share every line.  The samples are written for these tests.
"""

from __future__ import annotations

from news_archive.extract.blocks import split_blocks
from news_archive.extract.columns import split_columns
from rawtexts import PARAGRAPHS, wrap_words

SIDEBAR = [
    "Harbour festival returns with boats and music all weekend",
    "New cycle lanes open along the river promenade",
    "School choir wins the regional singing contest",
]
GUTTER = 41


def _page() -> str:
    """A page wrapped at 79 columns: a headline, two paragraphs in a 40-column cell with the
    sidebar beside the first, the rest of the cell below, then a full-width footer."""
    left = [*wrap_words(PARAGRAPHS[0], 39), "", *wrap_words(PARAGRAPHS[1], 39)]
    right: list[str] = []
    for teaser in SIDEBAR:
        right += wrap_words(teaser, 36)
    rows = [f"{a:<{GUTTER}}{b}".rstrip() for a, b in zip(left, right, strict=False)]
    rows += left[len(right) :]
    footer = wrap_words(" ".join(PARAGRAPHS[2:]), 79)
    return "\n".join(["Water Council Asks Farmers to Wait", "", *rows, "", *footer]) + "\n"


def test_columns_are_read_one_after_the_other():
    texts = [b.text for b in split_blocks(_page())]
    assert texts.index(PARAGRAPHS[0]) < texts.index(PARAGRAPHS[1]) < texts.index(SIDEBAR[0])
    assert [t for t in texts if t in SIDEBAR] == SIDEBAR
    assert texts[-1] == " ".join(PARAGRAPHS[2:])


def test_prose_with_a_space_at_one_column_is_not_split():
    lines = wrap_words(" ".join(PARAGRAPHS * 3), 79)
    assert split_columns(lines) == (lines, [])


def test_a_few_aligned_gaps_are_no_columns():
    lines = ["Home                                     Contact", "Sport    Weather"]
    assert split_columns(lines) == (lines, [])


def test_an_unwrapped_dump_with_a_cell_beside_the_article_is_read_in_order():
    # inscriptis: each paragraph of the article cell is one line, padded to the cell's width,
    # with the sidebar cell's lines beside them; the article cell goes on below
    width = max(len(p) for p in PARAGRAPHS[:3])
    rows = [f"{p:<{width}}  {teaser}" for p, teaser in zip(PARAGRAPHS, SIDEBAR, strict=False)]
    dump = "\n".join(["Water Council Asks Farmers to Wait", "", *rows, PARAGRAPHS[3]]) + "\n"
    texts = [b.text for b in split_blocks(dump)]
    assert texts[1:] == PARAGRAPHS + SIDEBAR


def test_a_markdown_layout_table_row_is_read_cell_by_cell():
    # html2text: the article cell and the sidebar cell joined by "|" over "---|---"
    article = " ".join(PARAGRAPHS)
    sidebar = " ".join(SIDEBAR)
    dump = "\n".join(["Water Council Asks Farmers to Wait", "", f"{article}| {sidebar}",
                      "---|---", ""]) + "\n"
    assert [b.text for b in split_blocks(dump)][1:] == [article, sidebar]


def test_a_markdown_data_table_keeps_its_rows():
    dump = "Team| Points\n---|---\nRovers| 12\nUnited| 9\n"
    assert [b.text for b in split_blocks(dump)] == ["Team| Points", "Rovers| 12", "United| 9"]

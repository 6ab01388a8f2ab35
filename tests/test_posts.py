"""Posts: the Markdown a raw article becomes renders back to exactly its text."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from news_archive import posts
from news_archive.draft import Draft, Extracted, Organization, Tags
from pelican.settings import DEFAULT_CONFIG


def rendered_text(md_text: str) -> str:
    """What a reader sees: Markdown (with Pelican's extensions) -> HTML -> text."""
    conf = DEFAULT_CONFIG["MARKDOWN"]
    out = markdown.Markdown(extensions=list(conf["extension_configs"]),
                            extension_configs=conf["extension_configs"]).convert(
        "Title: a post header, as in every post\n\n" + md_text)
    out = re.sub(r"</p>\s*<p>", "\n\n", out)
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


TRICKY = [
    "# Not a heading, * not a list, 1. not a number",
    "Prices rose 5% to $3 * 2 = [six] _units_ `code`",
    "<script>alert(1)</script> & &amp; &lt;b&gt;",
    "> not a quote\\ backslash",
    "- dash start and + plus",
    "Zoë Müller in Łódź: «quotes» — dash",
]


def test_escaped_paragraphs_render_to_the_original_text():
    for text in TRICKY:
        assert rendered_text(posts.escape_markdown(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
               min_size=1, max_size=80))
def test_any_single_line_text_survives_markdown(text):
    text = " ".join(text.split())
    if not text:
        return
    assert rendered_text(posts.escape_markdown(text)) == text


def make_draft(**kw) -> Draft:
    e = Extracted(title="A headline", summary="The lead.", paragraphs=["One.", "Two."],
                  source="RFE/RL", credits="With reporting by Reuters")
    tags = Tags(countries=["TJ", "AF"], organizations=[Organization("Taliban")],
                persons=["Emomali Rahmon"], dates_mentioned=["2021-07-07"])
    return Draft(path="a.txt", sha256="0" * 64, format="text", extracted=e, tags=tags, **kw)


def test_render_post_header_and_fingerprint(tmp_path):
    text = posts.render_post(make_draft(), "a-headline", "2021-07-07", "manifest")
    target = tmp_path / "a-headline.md"
    target.write_text(text, encoding="utf-8")
    meta = posts.read_header(target)
    assert meta["title"] == "A headline"
    assert meta["countries"] == "TJ;AF"
    assert meta["credits"] == "With reporting by Reuters"
    assert meta["raw-path"] == "a.txt"
    assert not posts.is_hand_edited(target)
    target.write_text(text.replace("Two.", "Two, corrected."), encoding="utf-8")
    assert posts.is_hand_edited(target)


def test_header_values_cannot_inject_header_lines():
    draft = make_draft()
    draft.extracted.title = "Title\nCountries: XX"
    text = posts.render_post(draft, "s", "2021-01-01", "raw")
    assert "\nCountries: XX" not in text
    assert "Title: Title Countries: XX" in text


def test_list_values_round_trip():
    names = ["Ministry of Defence; UK", "Reuters"]
    assert posts.split_list(posts.join_list(names)) == ["Ministry of Defence, UK", "Reuters"]

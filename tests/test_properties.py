"""Property tests: cleaners and tagger never raise, and never invent text."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from news_archive.errors import UnreadableInput

WORD = re.compile(r"\w+")
# Assigned, non-control characters: that is what text is; control bytes have own tests.
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cn", "Co", "Cs", "Cc")), max_size=120)
LINES = st.lists(
    st.one_of(
        TEXT,
        st.sampled_from(["", "Share", "* Home", "Related", "© 2020 Outlet", "By Jane Roe",
                         "Published July 7, 2021", "With reporting by Reuters",
                         "The council met on Monday and agreed to the plan in full.",
                         "Moscow said the Kremlin and Kyiv would talk, officials said."]),
    ),
    max_size=40,
)
TAGS = st.sampled_from(["p", "div", "article", "nav", "script", "h1", "span", "a", "li", "ul"])


def words(text: str) -> Counter:
    return Counter(WORD.findall(text))


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def invisible_removed(text: str) -> str:
    """The text as displayed: format characters (soft hyphen, zero-width ...) take no room."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def assert_no_invented_words(output: str, *sources: str) -> None:
    """Every word of the output occurs in one reading of the input."""
    src: Counter = Counter()
    for source in sources:
        src += words(source) + words(CONTROL.sub("", source)) + words(invisible_removed(source))
    out = words(output)
    extra = [w for w in out if w not in src]
    assert not extra, f"words not in the input: {extra[:5]}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_text_dump_cleaner_never_raises_nor_invents(lines):
    from news_archive.extract.text_dump import extract_text_dump

    raw = "\n".join(lines)
    result = extract_text_dump(raw)
    assert_no_invented_words("\n".join(result.paragraphs), raw)
    assert_no_invented_words(result.title + " " + result.summary, raw)


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAGS)
        parts.append(f"<{tag}>{html.escape(draw(TEXT))}</{tag}>")
    return "<html><head><title>t</title></head><body>" + "".join(parts) + "</body></html>"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_pages())
def test_html_extractor_never_raises_unexpectedly_nor_invents(page):
    from news_archive.extract.html_page import extract_html_page

    try:
        result = extract_html_page(page)
    except UnreadableInput:
        return
    # Inline elements join their text (<a>x</a><span>y</span> reads "xy"), blocks separate it;
    # an extractor may also split inline text apart, which invents nothing either.
    inline = re.sub(r"</?(?:span|a)>", "", page)
    joined = html.unescape(re.sub(r"<[^>]+>", " ", inline))
    split = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert_no_invented_words("\n".join(result.paragraphs), joined, split)


@settings(max_examples=150, deadline=None)
@given(LINES, st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_tagger_never_raises(lines, published):
    from news_archive.tagging import tag_text

    tags = tag_text("\n\n".join(lines), "", published)
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in tags.countries)
    assert all(isinstance(p, str) and p for p in tags.persons)

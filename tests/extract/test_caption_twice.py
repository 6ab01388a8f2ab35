"""A caption shown twice, once with a label a wrap joined to it (news_archive.extract).

w3m sets no blank line between an image's caption and the element after it, so a short
label ("Highlights") can be joined to the caption's second copy; the two copies are still
one caption shown twice.  The samples are written for these tests.
"""

from __future__ import annotations

from news_archive.extract.classify import shown_twice
from news_archive.extract.text_dump import extract_text_dump
from rawtexts import PARAGRAPHS

CAPTION = ("A ferry leaves the northern harbour at dawn on Monday, the first crossing since "
           "the storm closed the port last week, while workers repair the damaged pier beside "
           "it. Ana LOPEZ / Agency")


def test_shown_twice():
    assert shown_twice(CAPTION, CAPTION)
    assert shown_twice(CAPTION, CAPTION + " Highlights")
    assert shown_twice(CAPTION + " Key points", CAPTION)
    assert not shown_twice(CAPTION, CAPTION + " and the harbour master said it would reopen")
    assert not shown_twice(CAPTION, CAPTION[:-1] + "ies")  # not at a word boundary
    assert not shown_twice("Short line", "Short line Two")  # too short to be a caption


def test_caption_copies_with_a_joined_label_stay_out_of_the_body():
    dump = "\n\n".join([
        "Ferries Sail Again After the Storm",
        "Published March 3, 2021",
        CAPTION + "\n\n" + CAPTION + " Highlights",
        *PARAGRAPHS,
    ]) + "\n"
    ex = extract_text_dump(dump)
    assert ex.paragraphs == PARAGRAPHS  # (before: both copies opened the body)

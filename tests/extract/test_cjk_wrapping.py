"""Hard-wrapped CJK text in text dumps (news_archive.extract.blocks).

lynx wraps East Asian text at a count of characters, w3m at display columns (a CJK
character takes two); Korean words are set apart by spaces that a wrap drops.  The samples
are written for these tests.
"""

from __future__ import annotations

import random

from news_archive.extract.blocks import is_wide, split_blocks, wrap_measure
from rawtexts import wrap_words

# Japanese mixed with Latin words: the display widths of lines cut at a fixed number of
# characters vary with the share of Latin letters, their lengths do not.
JA_UNITS = [
    "今日は", "AI", "で小さな", "プログラム", "を書いた。", "明日は", "Go", "の本を",
    "読むつもりだ。", "図書館の", "Wi", "の速さは", "十分だった。",
]
KO_WORDS = [
    "오늘", "아침에", "작은", "도서관에서", "새로운", "책을", "빌렸다", "그리고", "공원을",
    "천천히", "걸었다", "날씨가", "맑아서", "기분이", "좋았다",
]


def _japanese_text(n_units: int) -> str:
    rng = random.Random(7)
    return "".join(rng.choice(JA_UNITS) for _ in range(n_units))


def _wrap_chars(text: str, limit: int) -> list[str]:
    """Cut `text` into lines of at most `limit` characters, only between two CJK
    characters (as a character-counting converter does inside CJK text)."""
    lines, start = [], 0
    while len(text) - start > limit:
        cut = start + limit
        while not (is_wide(text[cut - 1]) and is_wide(text[cut])):
            cut -= 1
        lines.append(text[start:cut])
        start = cut
    lines.append(text[start:])
    return lines


def _korean_text(n_words: int) -> str:
    return " ".join(KO_WORDS[i % len(KO_WORDS)] for i in range(n_words))


def test_lines_wrapped_at_a_character_count_are_measured_in_characters():
    text = _japanese_text(150)
    lines = _wrap_chars(text, 40)
    width, _, by_chars = wrap_measure(lines)
    assert by_chars and 38 <= width <= 40
    blocks = split_blocks("\n".join(lines))
    assert [b.text for b in blocks] == [text]  # one paragraph, no spaces added


def test_lines_wrapped_at_display_columns_keep_the_column_measure():
    text = "".join(KO_WORDS) * 15  # no spaces: wrapped wherever the line is full
    lines = [text[i : i + 35] for i in range(0, len(text), 35)]  # 70 columns each
    width, _, by_chars = wrap_measure(lines)
    assert not by_chars and width == 70
    assert [b.text for b in split_blocks("\n".join(lines))] == [text]


def test_korean_wrapped_at_spaces_by_character_count_gets_its_spaces_back():
    text = _korean_text(300)
    lines = wrap_words(text, 45)
    assert wrap_measure(lines)[2]
    assert [b.text for b in split_blocks("\n".join(lines))] == [text]


def test_korean_wrapped_at_columns_gets_a_space_only_where_the_line_had_room():
    # two lines of one paragraph, wrapped at 40 columns among lines of a 40-column page:
    # a full line was cut inside a word, a line with room left was cut at a space
    filler = ["가나다라마바사아자차카타파하거너다러머버"] * 10  # 40 columns each
    full = "가나다라마바사아자차카타파하거너다러머버"  # 40 columns: cut inside a word
    short = "가나다라마바사아자차카타파하거너다러머"  # 38 columns: room for one more
    dump = "\n".join([*filler, "", full, "서울", "", short, "서울"])
    texts = [b.text for b in split_blocks(dump)]
    assert texts[-2:] == [full + "서울", short + " 서울"]

"""detect_language on short sentences written for these tests."""

from __future__ import annotations

import pytest
from news_archive.tagging.language import detect_language


@pytest.mark.parametrize("text,code", [
    ("The government said on Tuesday that the new bridge would open to traffic next spring.",
     "en"),
    ("Правительство заявило во вторник, что новый мост откроется для движения весной.", "ru"),
    ("O governo afirmou na terça-feira que a nova ponte será aberta ao trânsito na primavera.",
     "pt"),
    ("政府は火曜日、新しい橋が来年の春に開通すると発表した。", "ja"),
    ("정부는 화요일에 새 다리가 내년 봄에 개통될 것이라고 밝혔다.", "ko"),
])
def test_languages(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "ok", "12345 67890", "!!! ???"])
def test_unsure_is_empty(text):
    assert detect_language(text) == ""

"""Token-level lookups the recognisers share: tokenizer, phrase index, token positions."""

from __future__ import annotations

from news_archive.tagging.document import Doc
from news_archive.tagging.gazetteer import PhraseIndex, split_tokens, tokenize


def test_tokens_keep_acronyms_joined_words_and_possessives():
    text = "The U.S. and al-Harbi's O'Rourke met AT&T (it's D.C.x) at 3/4 p.m."
    words = [t.text for t in tokenize(text)]
    assert words == ["The", "U.S.", "and", "al-Harbi", "'s", "O'Rourke", "met", "AT&T", "(",
                     "it", "'s", "D", ".", "C", ".", "x", ")", "at", "3/4", "p.m."]
    parts = split_tokens(text)
    assert parts[1::2] == words and "".join(parts) == text
    assert all(not g.strip() for g in parts[0::2])


def test_longest_phrase_wins_and_a_word_alone_still_matches():
    idx = PhraseIndex()
    for phrase in ("New York", "New York Times", "New"):
        idx.add(phrase, ("org", phrase))
    idx.add("Jersey", ("place",))
    words = ["the", "New", "York", "Times", "said"]
    assert idx.longest(words, 1) == (3, [("org", "New York Times")])
    assert idx.longest(["New", "York", "Post"], 0) == (2, [("org", "New York")])
    assert idx.longest(["New", "Jersey"], 0) == (1, [("org", "New")])
    assert idx.longest(["New"], 0) == (1, [("org", "New")])
    assert idx.longest(["York", "Times"], 0) is None


def test_positions_match_a_plain_scan_for_few_and_many_words():
    doc = Doc("Anna met Ben. Ben met Cleo, and Cleo met Anna; Dora, Ed, Fay and Gus came too.")
    for targets in ({"Ben"}, {"met", "Anna"}, {"Anna", "Ben", "Cleo", "Dora", "Ed", "Fay", "Gus",
                                               "met", "absent"}):
        assert doc.positions(targets) == [k for k, w in enumerate(doc.words) if w in targets]

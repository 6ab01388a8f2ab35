"""Organizations named by their context: the last recogniser, run after persons on the pieces
no other one claimed. A piece is a company or a team when the words around it say so: a cue
before it ("analysts at X", "shares of X"), an apposition after it ("X, a Chicago-based
startup"), what it owns ("X's headquarters"), or, in a sports article, a score or a coach
next to it. The cue words are kinds of `data/org_cues.tsv` and lists of `lexicon.json`."""

from __future__ import annotations

import re

from .document import Doc
from .org_candidates import (
    HOLDING_WORDS,
    POSS,
    cues,
    past_holding,
    plural_word,
    score_line,
    sports_article,
)
from .organizations import CONNECT_END, OrgSet, is_place_tok
from .persons import names_a_person


def _owner_of(after: list[str], sentence_start: bool) -> bool:
    """The words after a name say it owns what only a company or body has: "Vestara's
    headquarters", "Vestara's chief executive", "investors sold Vestara shares" (not at a
    sentence's start, where an adverb may stand: "Sometimes employees ...")."""
    cue = cues()
    if after[:1] and after[0] in POSS:
        return any(w.lower() in cue.role or w in cue.owned for w in after[1:3])
    return (bool(after) and after[0] in cue.owned and not sentence_start
            and not (len(after) > 1 and after[1].lower() in _OBJECT_OPENERS))


# words that open a verb's object: after them "shares"/"profits" was a verb ("Smith shares
# his formula"), not a company's noun
_OBJECT_OPENERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "your",
                             "this", "that", "these", "those", "how", "what", "with", "some"})


def _team_in_a_result(doc: Doc, i: int, j: int) -> bool:
    """In a sports article, a name of two or more words ending in a plural is a team when a
    score follows it ("the Lakeside Lions 3-1"), a result verb and a score in the same
    clause ("Riverton Rapids beat the Lakeside Lions 3-1") or a player's or coach's role
    ("Lakeside Lions coach Jane Roe", "the Lakeside Lions' striker")."""
    if j - i < 2 or not plural_word(doc.words[j - 1]) or not sports_article(doc):
        return False
    cue = cues()
    nxt = doc.next_word(j)
    if nxt in POSS or nxt in ("'", "’"):
        nxt = doc.next_word(j + 1)
    if score_line(doc, i, j) or _SCORE.fullmatch(nxt) or nxt.lower() in cue.team_role:
        return True
    if nxt not in cue.result_verb:
        return False
    for k in range(j + 1, min(j + 9, len(doc.words))):
        w = doc.words[k]
        if w in (".", ";") or "\n" in doc.gaps[k]:
            return False
        if _SCORE.fullmatch(w):
            return True
    return False


_SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")  # a result as one token: "3-1"


def _names_no_owner(doc: Doc, i: int, j: int) -> bool:
    """[i, j) may name a person ("Musk's shares"), is a generic body ("the Senate's
    employees") or a common word the text also writes in lower case ("Sometimes employees
    ..."), so what follows it says nothing."""
    sets, lower = doc.data.sets, doc.words_set
    return any(names_a_person(doc, w) or w in sets["org_generic_words"]
               or w in sets["org_heads"] or w in sets["org_heads_only_after_of"]
               or w in sets["titles"] or w.lower() in lower for w in doc.words[i:j])


def _cue_org(doc: Doc, i: int, j: int) -> bool:
    """Company-like name with no head word, identified by context cues."""
    words, sets = doc.words, doc.data.sets
    # the context cues first (cheap, and most pieces have none), then the exclusions
    prev = doc.next_word(i - 1)
    if prev in sets["org_before_cues"] and not doc.starts[i]:
        verdict = True
    elif (prev in ("of", "in") and doc.next_word(i - 2).lower() in HOLDING_WORDS
          and doc.next_word(j) not in ("'s", "’s")):
        verdict = True  # "shares of X", "a stake in X": only a company is held
    elif prev in ("at", "with") and any(w in sets["org_role_cues"]
                                        for w in words[max(0, i - 6):i]):
        verdict = j - i <= 4
    else:
        nxt = words[j:j + 4]
        verdict = nxt[:1] == [","] and len(nxt) > 2 and nxt[1] in ("a", "an", "the") and (
            nxt[2] in sets["org_before_cues"]
            or (len(nxt) > 3 and nxt[3] in sets["org_before_cues"])) or (
                _owner_of(nxt, doc.starts[i]) or _team_in_a_result(doc, i, j)) and not (
                _names_no_owner(doc, i, j))
    if not verdict:
        return False
    if any(doc.owner[t] for t in range(i, j)) or any(is_place_tok(doc, t) for t in range(i, j)):
        return False
    return not any(w in sets["stop_words"] or w in sets["titles"] or w in sets["months"]
                   or w in sets["weekdays"] for w in words[i:j])


def cue_discover(doc: Doc, orgs: OrgSet, pieces: list[tuple[int, int]]) -> None:
    """Context-cued organizations among pieces no other recogniser claimed."""
    for i, j in pieces:
        while i < j and (doc.owner[i] or doc.words[i] in doc.data.sets["stop_words"]):
            i += 1
        i = past_holding(doc.words, i, j)
        k = i
        while k < j and not doc.owner[k] and doc.words[k] not in ("'s", "’s", "."):
            k += 1
        while k > i and doc.words[k - 1] in CONNECT_END:
            k -= 1  # "Kestrel and [Halvorsen Media]": the name before the connector
        if k > i and _cue_org(doc, i, k):
            name = doc.surface(i, k)
            known = orgs.lookup(name)
            orgs.add(known or name, name)
            for t in range(i, k):
                doc.owner[t] = "org"

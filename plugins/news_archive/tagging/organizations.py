"""Organizations: known-name gazetteer, credit lines, acronym definitions, head-word rules."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .document import Doc, Span, is_cap
from .gazetteer import _lines
from .org_candidates import is_abstract_noun, sports_article

_ACR_RE = re.compile(r"^[A-Z][A-Za-z0-9&.\-]{1,11}$")
CONNECT_END = frozenset({"of", "for", "on", "in", "at", "and", "&", "the", "'s", "’s"})
_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+")


_DROP_RE = re.compile(r"[.'’]")
_NON_WORD_RE = re.compile(r"[^\w]+")


@lru_cache(maxsize=16384)
def norm_key(name: str) -> str:
    """Merge key: casefolded, punctuation-free, without a leading 'the'."""
    s = _DROP_RE.sub("", name.casefold())
    s = _NON_WORD_RE.sub(" ", s).strip()
    return s[4:] if s.startswith("the ") else s


class OrgSet:
    """Ordered organizations: canonical name -> aliases seen."""

    def __init__(self) -> None:
        self.names: dict[str, list[str]] = {}
        self.keys: dict[str, str] = {}

    def add(self, name: str, alias: str | None = None) -> str:
        """Add an org (merging by normalized key); return its canonical name."""
        canon = self.keys.get(norm_key(name), name)
        if canon not in self.names:
            self.names[canon] = []
            self.keys[norm_key(canon)] = canon
        for a in (name, alias):
            if a and a != canon and a not in self.names[canon]:
                self.names[canon].append(a)
                self.keys.setdefault(norm_key(a), canon)
        return canon

    def lookup(self, form: str) -> str | None:
        """Canonical name for a surface form already seen, if any."""
        return self.keys.get(norm_key(form))


@lru_cache(maxsize=1)
def _leagues() -> dict[str, str]:
    out = {}
    for ln in _lines("team_leagues.tsv"):
        league, teams = ln.split("\t")
        out.update(dict.fromkeys(teams.split("|"), league))
    return out


def _team_choice(doc: Doc, span: Span) -> tuple | None:
    """Pick among teams sharing a nickname by their city/name words present in the text,
    else by the league of the unambiguous teams of the text."""
    if len(span.alts) == 1:
        return span.alts[0]
    best = [p for p in span.alts if p[1].split()[0] in doc.words_set]
    if len(best) == 1:
        return best[0]
    leagues = _leagues()
    seen = Counter(leagues.get(s.payload[1]) for s in doc.spans
                   if s.kind == "org" and len(s.alts) == 1 and s.payload[3] == "team")
    seen.pop(None, None)
    if not seen:
        return None
    top = seen.most_common(1)[0][0]
    best = [p for p in span.alts if leagues.get(p[1]) == top]
    return best[0] if len(best) == 1 else None


def _known(doc: Doc, orgs: OrgSet) -> None:
    sets = doc.data.sets
    names_present = {
        s.payload[1] for s in doc.spans
        if s.kind == "org" and len(doc.surface(s.i, s.j).replace(".", "")) > 3
    }
    words = doc.words
    for s in doc.spans:
        if s.kind != "org":
            continue
        pay = s.payload
        form = doc.surface(s.i, s.j)
        nxt = doc.next_word(s.j)
        if (nxt[:1].isdigit() and pay[3] != "team") or (
                nxt in sets["venue_words"] and nxt != "Bank"):
            s.suppressed = True  # "S&P 500", "Toyota Center": a product, index or venue
            continue
        if pay[2] and (_capital_neighbour(doc, s) or (doc.starts[s.i] and pay[3] != "team")):
            s.suppressed = True
            continue
        if (pay[2] or s.j - s.i == 1) and pay[3] != "team" and (
                _also_a_place(doc, s) or _after_given_name(doc, s)):
            s.suppressed = True  # "in the Atlantic", "Jane Hill", "Harrison Ford"
            continue
        if (s.j - s.i == 1 and is_cap(nxt) and nxt not in sets["titles"]
                and nxt not in sets["stop_words"] and nxt not in sets["org_heads"]
                and doc.span_at.get(s.j) is None and words[s.i][0].isupper()):
            s.suppressed = True  # "BMJ Case Reports", "Google Stadia": part of a longer name
            continue
        if s.j - s.i == 1 and doc.span_at.get(s.j) is None and _run_to_head(doc, s.j):
            s.suppressed = True  # "Independent National Electoral Commission"
            continue
        if s.j - s.i > 1 and words[s.i] in sets["org_heads"] and _named_before(doc, s.i):
            s.suppressed = True  # "Eastbrook Chamber of Commerce": a longer, other name
            continue
        if _after_head_connector(doc, s.i, sets["org_heads"]):
            s.suppressed = True  # "Foundation for Science and Technology": inside a longer name
            continue
        if s.j - s.i > 1 and doc.span_at.get(s.j) is None and _continues(doc, s, nxt):
            s.suppressed = True  # "University of Maryland School of Medicine": a longer name
            continue
        if pay[3] == "team" and pay[2]:
            pay = _team_choice(doc, s) if sports_article(doc) else None
            if pay is None:
                s.suppressed = True
                continue
        short = form.replace(".", "")
        if (form != pay[1] and short.isupper() and len(short) <= 3
                and form not in sets["safe_short_acronyms"] and pay[1] not in names_present
                and not _defined_nearby(doc, s)):
            s.suppressed = True
            continue
        orgs.add(pay[1], form)
        for t in range(s.i, s.j):
            doc.owner[t] = "org"


def _after_head_connector(doc: Doc, i: int, heads: frozenset[str]) -> bool:
    """Token i follows a head noun and "for" or "of", with or without "the" between
    ("Foundation for Science", "Front for the Liberation of ..."): a word of a longer name."""
    k = i - 2 if doc.next_word(i - 1) == "the" else i - 1
    return doc.next_word(k) in ("for", "of") and doc.next_word(k - 1) in heads


def _run_to_head(doc: Doc, j: int) -> bool:
    """The capitalised words from token j on end in an organization's head noun within four
    words: "Independent National Electoral Commission" after a known "Independent"."""
    sets, words = doc.data.sets, doc.words
    heads, after_of = sets["org_heads"], sets["org_heads_only_after_of"]
    for k in range(j, min(j + 4, len(words))):
        w = words[k]
        if not is_cap(w) or (k > j and doc.gaps[k] != " "):
            return False
        if k > j and w in heads and w not in after_of:
            return True
    return False


def _continues(doc: Doc, s: Span, nxt: str) -> bool:
    """A known name that is only the start of a longer org name in the text."""
    sets = doc.data.sets
    if nxt in sets["org_heads"] and nxt not in sets["org_heads_only_after_of"]:
        return True
    last = doc.words[s.j - 1]
    return (nxt in ("of", "in") and last in sets["edu_heads"]
            and is_cap(doc.next_word(s.j + 1)) and doc.next_word(s.j + 1) not in sets["stop_words"])


def _named_before(doc: Doc, i: int) -> bool:
    """A capitalised name word right before token `i`, inside the sentence ("Eastbrook" in
    "the Eastbrook Chamber of Commerce"; not "The", a title or a sentence's first word)."""
    prev = doc.next_word(i - 1)
    sets = doc.data.sets
    before = doc.span_of[i - 1] if i > 0 else None
    return (i > 0 and is_cap(prev) and not doc.starts[i - 1] and prev not in sets["stop_words"]
            and prev not in sets["titles"]
            and (before is None or before.kind == "place"))  # "Michigan Department of ..."


def _capital_neighbour(doc: Doc, s: Span) -> bool:
    """A weak alias next to another capitalised word ('Magic Johnson', 'Vice President')."""
    prev, nxt = doc.next_word(s.i - 1), doc.next_word(s.j)
    if "\n" in doc.gaps[s.i]:
        prev = ""  # the line before is no neighbour
    if s.j < len(doc.words) and "\n" in doc.gaps[s.j]:
        nxt = ""
    if prev == "." and s.i >= 2 and len(doc.words[s.i - 2]) == 1 and doc.words[s.i - 2].isalpha():
        return True  # an initial: "J. Jets"
    return (is_cap(prev) and not doc.starts[s.i - 1 if s.i else 0] and prev not in ("The",)) or (
        is_cap(nxt) and nxt not in doc.data.sets["stop_words"])


def _also_a_place(doc: Doc, s: Span) -> bool:
    """A weak alias after a lower-case "the" that is also a place's name: "in the Atlantic"
    is the ocean ("The Atlantic", capitalised, is the magazine's full name, no weak alias;
    "v Liverpool" is still the club)."""
    if doc.next_word(s.i - 1) != "the":
        return False
    pays = doc.data.index.entries.get(tuple(doc.words[s.i:s.j]), ())
    return any(p[0] == "place" for p in pays)  # (a country's form such as "Knesset" is
    # a metonym; the body stays)


def _after_given_name(doc: Doc, s: Span) -> bool:
    """A one-word name right after a given name on the same line is that person's surname
    ("Jane Hill", "Harrison Ford"), not the organization it also names; not after a given
    name that is a common word the text also writes in lower case ("Faster Than Intel's")."""
    prev, sets = doc.next_word(s.i - 1), doc.data.sets
    return (prev in doc.data.given_names and len(prev) > 2 and "\n" not in doc.gaps[s.i]
            and prev not in sets["stop_words"] and prev.lower() not in doc.words_set
            and not doc.owner[s.i - 1] and doc.span_of[s.i - 1] is None
            and not is_cap(doc.next_word(s.j)))  # (not inside a longer name)


def _defined_nearby(doc: Doc, s: Span) -> bool:
    return doc.next_word(s.i - 1) == "(" and doc.next_word(s.j) == ")"


_NAME_GLUE = frozenset({"of", "for", "the", "and", "&", "de", "du", "des", "la", "le", "y",
                        "del", "von", "van", "on", "at"})  # lower-case words inside names


def _name_part(item: str) -> str:
    """The name that opens an item of a credit line: its words up to the first lower-case
    word that no name holds ("World Desk Review correspondents in Riga" -> "World Desk
    Review"; "editing by Jane Doe" -> "")."""
    words = item.split()
    for k, w in enumerate(words):
        if w[:1].islower() and w not in _NAME_GLUE:
            return " ".join(words[:k])
    return item


def _credit_lines(doc: Doc, orgs: OrgSet) -> None:
    rx = doc.data.lex.get("_credit_re")
    if rx is None:
        rx = doc.data.lex["_credit_re"] = re.compile(doc.data.lex["credit_line_re"], re.M)
    given = doc.data.given_names
    for m in rx.finditer(doc.text):
        for item in _SPLIT_RE.split(m.group(1)):
            item = _name_part(item).strip(" .")
            if not item or not is_cap(item) or len(item) > 60:
                continue
            parts = item.split()
            if len(parts) >= 2 and parts[0] in given and parts[0] not in orgs.keys:
                continue  # a person
            known = orgs.lookup(item)
            orgs.add(known or item, item)


_DASHES = frozenset({"—", "–", "-", "--"})


def _dateline_credits(doc: Doc, orgs: OrgSet) -> None:
    """The agency of a dateline: "RIGA, Latvia (BNS) — ..." or "Oslo (Nordic Wire) The ...": a
    line opening with an upper-case word or a known place, then a parenthesised capitalised
    name (no place) and a dash or the first sentence."""
    words, gaps = doc.words, doc.gaps
    for k in doc.positions({"("}):
        first = k
        while first > 0 and "\n" not in gaps[first] and k - first < 8:
            first -= 1
        if first == k or (first > 0 and "\n" not in gaps[first]):
            continue  # not within a line's first words
        head = words[first].replace(".", "")
        opener = doc.span_of[first]
        if not ((head.isupper() and head.isalpha() and len(head) > 1)
                or (opener is not None and opener.kind in ("place", "country"))):
            continue  # "RIGA, Latvia", "Hong Kong"
        close = k + 1
        while close < len(words) and close - k <= 5 and words[close] != ")":
            close += 1
        after = doc.next_word(close + 1)
        if close == k + 1 or doc.next_word(close) != ")" or not (
                after in _DASHES or (is_cap(after) and "\n" not in doc.gaps[close + 1])):
            continue  # "(Nordic Wire) — ..." or "(Nordic Wire) The ..."
        inner = words[k + 1:close]
        if not is_cap(inner[0]) or any(not (is_cap(w) or w in ("&", ".", "of")) for w in inner) \
                or any(doc.span_of[t] is not None and doc.span_of[t].kind != "org"
                       for t in range(k + 1, close)):
            continue  # "(Latvia)": a place, not an agency
        name = doc.surface(k + 1, close)
        orgs.add(orgs.lookup(name) or name, name)
        for t in range(k + 1, close):
            doc.owner[t] = "org"


def _initials_match(words: list[str], acr: str) -> bool:
    letters = [c for c in acr if c.isalpha()]
    caps = [w[0] for w in words if is_cap(w)]
    alls = [w[0].upper() for w in words if w[0].isalnum()]
    up = [c.upper() for c in letters]
    return up in (caps, alls) or (len(up) >= 2 and up == [c.upper() for c in caps[: len(up)]]
                                  and len(caps) == len(up))


def _definitions(doc: Doc, orgs: OrgSet) -> dict[str, str]:
    """'Full Name (ACR)' -> register org with alias; returns acronym -> canonical. Acronyms
    defined by a thing's name ("Exploration Upper Stage (EUS)") go to doc.thing_acronyms."""
    words = doc.words
    acrs: dict[str, str] = {}
    for k in doc.positions({"("}):
        if k < 1 or k >= len(words) - 2 or words[k + 2] != ")":
            continue
        acr = words[k + 1]
        if not _ACR_RE.match(acr) or sum(c.isupper() for c in acr) < 2:
            continue
        prev_span = doc.span_of[k - 1]
        if prev_span and prev_span.kind == "org" and prev_span.j == k and not prev_span.suppressed:
            acrs[acr] = orgs.add(prev_span.payload[1], acr)
            continue
        i = _defined_by(doc, k, acr)
        if i >= 0:
            acrs[acr] = orgs.add(doc.surface(i, k), acr)
            for t in range(i, k + 2):
                doc.owner[t] = "org"
    if acrs:
        for k, w in enumerate(words):
            if w in acrs and not doc.owner[k]:
                doc.owner[k] = "org"
    return acrs


def _defined_by(doc: Doc, k: int, acr: str) -> int:
    """Start of the organization's name before "(" at k whose initials spell `acr`, or -1:
    when no name does, or the one that does is a person's, a thing's (then `acr` goes to
    doc.thing_acronyms) or only common words."""
    words, sets = doc.words, doc.data.sets
    nletters = sum(c.isalpha() for c in acr)
    for size in range(max(2, nletters - 1), nletters + 4):
        i = k - size
        if i < 0:
            return -1
        win = words[i:k]
        if not is_cap(win[0]) or not is_cap(win[-1]) or any(
                w in (",", ".", "(", ")") for w in win):
            continue
        if not _initials_match(win, acr):
            continue
        if win[-1] not in sets["org_heads"] and any(w in sets["non_org_words"] for w in win):
            # (a thing's word inside a body's name is its own: "Tennessee Valley Authority")
            if win[-1] in sets["non_org_words"]:
                doc.thing_acronyms.add(acr)  # "Exploration Upper Stage (EUS)": a thing's
            return -1
        if doc.owner[i] == "person":
            return -1
        if win[-1] not in sets["org_heads"] and all(
                _is_country_tok(doc, t) or win[t - i] in sets["org_generic_words"]
                for t in range(i, k) if is_cap(words[t])):
            return -1  # common words and no head noun: "Human Rights (HR)"
        return i
    return -1


def _is_country_tok(doc: Doc, t: int) -> bool:
    s = doc.span_of[t]
    return s is not None and s.kind == "country"


def is_place_tok(doc: Doc, t: int) -> bool:
    """Token t is inside a country's or a place's name."""
    s = doc.span_of[t]
    return s is not None and s.kind in ("country", "place")


_HEADS: dict[int, frozenset[str]] = {}


def _rule_heads(org_heads: frozenset[str]) -> frozenset[str]:
    """Head words of the lexicon plus the cue file's strong heads (united once)."""
    key = id(org_heads)
    if key not in _HEADS:
        from .org_candidates import cues

        _HEADS[key] = org_heads | cues()["strong_head"]
    return _HEADS[key]


def _after_the(doc: Doc, i: int) -> bool:
    """Chunk [i, ...) starts with "The" or follows "the"."""
    return doc.words[i] == "The" or doc.next_word(i - 1) in ("the", "The")


def _head_org(doc: Doc, i: int, j: int) -> tuple[int, int, str] | None:
    """Head-word organization inside chunk [i, j): (start, end, head) or None."""
    heads = _rule_heads(doc.data.sets["org_heads"])
    h = _head_at(doc, i, j, heads)
    if h < 0:
        return None
    end = _head_name_end(doc, h, j)
    start = _head_name_start(doc, i, h, heads)
    first = i
    words = doc.words
    while first < h and (words[first] in doc.data.sets["function_words"]
                         or words[first] in ("of", "the")):
        first += 1  # "The Ministry of Water and Irrigation": the head still comes first
    if start == h and words[h - 1] in ("'s", "’s"):
        first = h  # "South Korea's Ministry of Trade": the head opens the name
    if start == h and (end == h + 1 or h > first):
        return None  # a bare head; "University of Colorado" (head first, then "of") is kept
    if _not_a_body(doc, start, end, h, heads):
        return None
    return start, end, words[h]


def _head_at(doc: Doc, i: int, j: int, heads: frozenset[str]) -> int:
    """The last head word of chunk [i, j) (a weak head only before "of", an institution's
    also before "for", or ending "the Valley Daily"), or -1."""
    words, sets = doc.words, doc.data.sets
    after_of = sets["org_heads_only_after_of"]
    for t in range(j - 1, i - 1, -1):
        w = words[t]
        if "-" in w and w[0].isupper():
            w = w.rsplit("-", 1)[1]  # "Herald-Tribune", "Post-Gazette": the last part heads
        nxt = doc.next_word(t + 1)
        if w in heads and (w not in after_of or nxt == "of"
                           or (nxt == "for" and w in sets["org_field_heads"])
                           or (w in sets["org_heads_after_the"] and t == j - 1
                               and _after_the(doc, i))):
            return t
    return -1


def _head_name_end(doc: Doc, h: int, j: int) -> int:
    """Where the name headed at h ends: after the head, or after its "of"-name (up to a
    person joining it, "in" and a place, or a weekday or month), with a company suffix's
    full stop."""
    words, sets = doc.words, doc.data.sets
    end = j if doc.next_word(h + 1) in ("of", "for", "on") else h + 1
    for t in range(h + 1, end):
        if words[t] in ("and", "&") and doc.next_word(t + 1) in doc.data.given_names:
            end = t  # "Department of Homeland Security and Alex Azar": a person joins
            break
        if words[t] == "in" and t + 1 < end and is_place_tok(doc, t + 1):
            end = t  # "National Center for Scientific Research in France": where it is
            break
        if words[t] in sets["weekdays"] or words[t] in sets["months"]:
            end = t  # "Rockledge High School on Friday"
            while end > h + 1 and words[end - 1] in CONNECT_END:
                end -= 1
            break
    if end < j and words[end] == "." and words[end - 1] in sets["company_suffixes"]:
        end += 1
    if end == j and words[h] in sets["org_of_name_heads"] and doc.next_word(h + 1) == "of":
        end = _of_list_end(doc, j)  # "Ministry of Trade, Industry and Energy"
    elif end == j and words[h] in sets["edu_heads"] and is_place_tok(doc, j - 1):
        end = _campus_end(doc, j)  # "University of California, San Francisco"
    return end


def _campus_end(doc: Doc, j: int) -> int:
    """End of a university's campus written after the comma at j, a city (not a country or
    state) that ends the phrase: "University of California, San Francisco"; else j."""
    if doc.next_word(j) != ",":
        return j
    city = doc.span_of[j + 1] if j + 1 < len(doc.words) else None
    if city is None or city.kind != "place" or city.i != j + 1 or doc.owner[j + 1]:
        return j
    after = doc.next_word(city.j)
    if is_cap(after) or after in ("'s", "’s", "and", "&"):
        return j  # the city begins another name, or a list goes on
    return city.j


def _head_name_start(doc: Doc, i: int, h: int, heads: frozenset[str]) -> int:
    """Where the name headed at h starts: back over its capitalised words, not past another
    name's "of", a second name joined by "and", a possessive, or a person."""
    words, sets = doc.words, doc.data.sets
    start = h
    while start > i:
        w = words[start - 1]
        if w in ("of", "for") and not (start - 2 >= i and words[start - 2] in heads):
            break
        if w in ("and", "&") and start - 2 >= i and words[start - 2] in heads:
            break
        if w == "and" and not any(words[t] in ("of", "for") and words[t - 1] in heads
                                  for t in range(i + 1, start - 1)) and not (
                start - 2 >= i and (is_abstract_noun(words[start - 2])
                                    or _common_pair(doc, start - 2, start))):
            break  # "Gannett and GateHouse Media": two names (not "Department of A and B",
            # "Citizenship and Immigration Services", "Food and Drug Administration")
        if w in ("'s", "’s") and words[start - 2] not in sets["possessive_org_words"]:
            break
        start -= 1
    while start < h and (words[start] in sets["function_words"] or words[start] in sets["months"]
                         or words[start] in sets["weekdays"]
                         or words[start] in ("of", "the", "and", "&", "'s", "’s")):
        start += 1
    while start < h and doc.owner[start] == "person":
        start += 1
    return start


def _common_pair(doc: Doc, a: int, b: int) -> bool:
    """Both words around an "and" are common words, ones the text also writes in lower case
    ("Food and Drug", "Fish and Wildlife"): the fields of one body, not two names."""
    lower = doc.words_set
    return all(doc.words[t].istitle() and doc.words[t].lower() in lower for t in (a, b))


def _not_a_body(doc: Doc, start: int, end: int, h: int, heads: frozenset[str]) -> bool:
    """True when the name [start, end) headed at h is no organization: it holds a word that
    names none or is too long, it names a venue, programme or award, or all its words are
    common ones."""
    words, sets = doc.words, doc.data.sets
    core = words[start:end]
    # after the head of an institution, such a word names its field, not a place or an event
    # ("Institute for Ocean Studies", "Centre for Disease Control")
    checked = words[start:h + 1] if words[h] in sets["org_field_heads"] else core
    if any(w in sets["non_org_words"] for w in checked) or len(core) > 9:
        return True
    after = doc.next_word(end)
    for w in words[end:end + 3]:
        if not is_cap(w):
            break
        if w in sets["venue_words"] and w not in ("Bank", "Live", "Music", "Wireless"):
            return True  # "Coastal Credit Union Music Park": a venue named after a sponsor
    if after in sets["non_org_words"] or after.lower() in (
            "program", "programme", "project", "initiative", "act", "award", "prize"):
        return True
    distinct = [
        t for t in range(start, end)
        if is_cap(words[t]) and words[t] not in sets["org_generic_words"]
        and words[t] not in heads
        and not (_is_country_tok(doc, t) and (t < h or words[h] in sets["org_state_heads"]))
        and words[t] not in sets["titles"] and words[t] not in sets["stop_words"]
    ]
    # ("[Chinese] Ministry of State Security": may be all common words)
    return not distinct and not (all(_is_country_tok(doc, t) for t in range(start, h))
                                 and words[h] in sets["org_of_name_heads"]
                                 and doc.next_word(h + 1) == "of" and end > h + 2)


def _of_list_end(doc: Doc, j: int) -> int:
    """End of a ministry's "of"-name that goes on past the comma at j with a list of single
    capitalised words: ", Industry and Energy", ", Sports and Tourism"; else j."""
    given = doc.data.given_names
    k = j
    while doc.next_word(k) == ",":
        w = doc.next_word(k + 1)
        if not is_cap(w) or w in given or doc.owner[k + 1] or doc.span_of[k + 1] is not None:
            return j
        after = doc.next_word(k + 2)
        if after == ",":
            k += 2
            continue
        last = doc.next_word(k + 3)
        if (after in ("and", "&") and is_cap(last) and last not in given
                and doc.span_of[k + 3] is None and not is_cap(doc.next_word(k + 4))):
            return k + 4
        return j
    return j


def find_organizations(doc: Doc) -> OrgSet:
    """All organizations of a document; marks the tokens they own."""
    orgs = OrgSet()
    _known(doc, orgs)
    _definitions(doc, orgs)
    _credit_lines(doc, orgs)
    _dateline_credits(doc, orgs)
    return orgs


# Latin-script families whose institution words (data/multilingual/org_cues.tsv, kind "head")
# name bodies that English text leaves in their own language: "Ministerio de Salud".
FOREIGN_HEAD_FAMILIES = ("romance", "germanic", "slavic_latn", "malay")
# ... except the ones that are English words, or name a building rather than a body (as the
# English "Museum" and "Hospital" do, `non_org_words`)
NOT_FOREIGN_HEADS = frozenset({"Camera", "Museo", "Museu", "Musée", "Ospedale", "Hôpital"})


_FOREIGN_HEADS: dict[int, frozenset[str]] = {}  # by id() of the word sets they were made for


def foreign_heads(doc: Doc) -> frozenset[str]:
    """The institution words of `FOREIGN_HEAD_FAMILIES` that are no English words (made once
    per lexicon)."""
    sets = doc.data.sets
    hit = _FOREIGN_HEADS.get(id(sets))
    if hit is None:
        english = (sets["org_heads"] | sets["stop_words"] | sets["titles"]
                   | sets["non_org_words"] | sets["venue_words"] | NOT_FOREIGN_HEADS)
        from .foreign_orgs import cue_words

        hit = _FOREIGN_HEADS[id(sets)] = frozenset(
            w for family in FOREIGN_HEAD_FAMILIES for w in cue_words(family).get("head", ())
            if " " not in w and len(w) > 3 and w not in english)
    return hit


def _foreign_head_org(doc: Doc, i: int, j: int) -> tuple[int, int, str] | None:
    """A body's name left in its own language in English text, from the capitalised words
    before its institution word to the end of the chunk: "Ministerio de Salud", "Technische
    Universität München", "Banco de Portugal" (after "The"); None without such a word."""
    sets, heads = doc.data.sets, foreign_heads(doc)
    words = doc.words
    h = next((t for t in range(i, j) if words[t] in heads), -1)
    if h < 0:
        return None
    start = i
    while start < h and (words[start] in sets["stop_words"] or not is_cap(words[start])):
        start += 1
    return (start, j, words[h]) if j - start >= 2 else None


def discover(doc: Doc, orgs: OrgSet, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Head-word and cue-based discovery over capitalised chunks; returns leftover pieces."""
    rest: list[tuple[int, int]] = []
    sets = doc.data.sets
    todo = list(chunks)
    while todo:
        i, j = todo.pop(0)
        if doc.owner[i] == "org" and all(doc.owner[t] == "org" for t in range(i, j)):
            continue  # taken by a name before it ("Ministry of Trade, Industry and Energy")
        hit = _head_org(doc, i, j) if j - i > 1 else None  # one word is never a head-word name
        if hit is None and j - i > 1:
            hit = _foreign_head_org(doc, i, j)
        if hit:
            s, e, head = hit
            name = doc.surface(s, e)
            orgs.add(orgs.lookup(name) or name, name)
            # a state's body keeps its country: "Ministry of Health of Ghana", "Banco de Portugal"
            state = head in sets["org_state_heads"] or head in foreign_heads(doc)
            for t in range(s, e):
                if not (state and _is_country_tok(doc, t)):
                    doc.owner[t] = "org"
            if i < s:
                todo.append((i, s))
            if e < j:
                rest.append((e, j))
            continue
        rest.append((i, j))
    return sorted(rest)

"""Headline, byline, credits and outlet of a text dump, read around the article region."""

from __future__ import annotations

import re

from .blocks import WIDE_RE
from .classify import BAD, BYLINE, CREDIT, GOOD, NEAR, SHORT, Scored, is_aside_marker, is_caption
from .headline import headline_before_date
from .headline_rejects import never_headline
from .published import find_dates, is_date_line
from .resources import LiteralSet, byline_words, data_lines, data_rows, required_literals

# (name, signature regex, literals one of which every match contains: None = always try)
OUTLETS: list[tuple[str, re.Pattern[str], tuple[str, ...] | None]] = [
    (row[0], re.compile(row[1]), tuple(required_literals(row[1]) or ()) or None)
    for row in data_rows("outlets.tsv") if len(row) >= 2
]
_OUTLET_LITERALS = LiteralSet([lit for _, _, lits in OUTLETS for lit in lits or ()])
CHROME_WINDOW = 2500  # characters of page header and of page footer searched for the outlet
SOURCE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (row[0], re.compile(row[1], re.MULTILINE)) for row in data_rows("source_patterns.tsv")
    if len(row) >= 2
]
# literals one of which every match of a SOURCE_PATTERNS pattern holds (longer ones when
# the pattern has them; none for a pattern that ignores case)
_SOURCE_LITERALS = [
    () if rx.flags & re.IGNORECASE
    else tuple(required_literals(rx.pattern) or required_literals(rx.pattern, 1) or ())
    for _, rx in SOURCE_PATTERNS
]

_UP = r"A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_PARTICLE = r"(?:de|da|do|dos|das|van|von|der|den|al|el|bin|la|le|di|du|y)"
_NAME_WORD = rf"(?:[{_UP}][\w'’.\-]*|{_PARTICLE}(?=\s+[{_UP}]))"
_NAME = rf"[{_UP}][\w'’.\-]*(?:\s+{_NAME_WORD}){{0,4}}"
_NAMES_RE = re.compile(rf"{_NAME}(?:\s*(?:,|\band\b|&|\bи\b|\be\b|\bund\b|\bet\b)\s*{_NAME})*")
_BY_RE = re.compile(rf"(?:^|[\s|•·,–—-])(?:{byline_words('inline')})\s+", re.IGNORECASE)
_NOT_NAME = re.compile(
    r"^(?:The|A|An|This|Our|Staff|Updated|Published|Posted|Email|Follow|Share|Getty|AP|"
    r"Reuters|AFP)\b"
)
# a job title after the names ("..., Staff correspondent"): the names end there
_ROLE = re.compile(r"(?:^|[\s,;|/–—-])(?:" + "|".join(data_lines("byline_roles.txt")) + r")\b",
                   re.IGNORECASE)
_TITLE_END_PUNCT = re.compile(r"[.,;:。，；：、]$")
# ...unless the period is an abbreviation's: "Trade deal signed with U.S.", "Acme Inc."
_TITLE_END_ABBREV = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$|\b[A-Z][a-z]{0,3}\.$")
_NAV_SEPARATORS = re.compile(r"(?:\s[|•·»/]\s.*){2}")  # "Home | Politics | Economy"
# "» Coluna de ...": a menu or list link; "#Feed ... » Comments feed": a text browser's list
# of the page's <link> tags. Neither is a headline.
_NAV_BULLET = re.compile(r"^[»›>]|^#.*(?:»|\bfeeds?\b|\brss\b)", re.IGNORECASE)
_CASED_WORD = re.compile(r"[^\W\d_][\w'’]*")


def title_cased(text: str) -> bool:
    """Headline capitalisation: every word of four letters or more opens with a capital (at
    least four such words), as in "Shares Fall After Earnings Report. Why Investors Shrug."
    A sentence of prose is never written so, whatever punctuation ends it."""
    words = [w for w in _CASED_WORD.findall(text) if len(w) >= 4]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def clean_byline(text: str) -> str:
    """Author names from a byline such as "By Jane Doe and John Roe | Updated ..."."""
    m = _BY_RE.search(text)
    rest = text[m.end() :] if m else text
    for d in find_dates(rest):
        rest = rest[: d.start]
        break
    rest = re.split(r"\s[|•·–—]\s|\s-\s|\bUpdated\b|\bPublished\b|\bPosted\b|\n", rest)[0]
    nm = _NAMES_RE.match(rest.strip())
    if not nm:
        return ""
    names = nm.group(0).strip(" ,&")
    if _NOT_NAME.match(names) or len(names) < 3:
        return ""
    return _without_role(names)


def _without_role(names: str) -> str:
    """Names without a job title or a one-word place after them ("Anna Berger, Wien")."""
    role = _ROLE.search(names)
    if role and role.start() > 0:
        names = names[: role.start()].rstrip(" ,;|/–—-")
    parts = [p.strip() for p in names.split(",")]
    while len(parts) > 1 and len(parts[-1].split()) == 1 and len(parts[0].split()) >= 2:
        parts.pop()  # "Katharina Huber, Wien": a place, not a second author
    return ", ".join(parts)


def find_byline(texts: list[str]) -> str:
    """The first byline among header blocks (explicit "By ..." wording)."""
    for t in texts:
        if len(t) > 200:
            continue
        if BYLINE.search(t) or (_BY_RE.search(t) and is_date_line(t)):
            name = clean_byline(t)
            if name:
                return name
    return ""


def is_credit(text: str) -> bool:
    """A credit line ("With reporting by Reuters", "Compiled by ...")."""
    return len(text) < 300 and bool(CREDIT.search(text))


FOLLOWED_BY_PROSE = 1.0  # headline bonus when prose follows it directly


DECK_WORDS = 4  # a standfirst ("deck") under a headline has at least this many words


def _prose_follows(scored: list[Scored], i: int) -> bool:
    """True when the first text block after block `i` (past chrome, a date, a byline, a
    caption, or a standfirst right under it with a byline or date below) is prose: a
    headline is followed by its article, a menu by more menus."""
    deck = dated = False
    for j in range(i + 1, min(len(scored), i + 6)):
        t = scored[j]
        if t.klass in (GOOD, NEAR):
            return dated or not deck
        if is_date_line(t.text) or BYLINE.search(t.text):
            dated = True
            continue
        if t.klass == BAD or is_aside_marker(t.text):
            continue
        if j == i + 1 and t.klass == SHORT and t.words >= DECK_WORDS and not t.block.menu:
            deck = True  # a standfirst right under a headline: the article may follow it
            continue
        return False
    return False


def standfirst_between(scored: list[Scored], title_i: int, start: int) -> str:
    """The standfirst standing alone between the headline and the article (past a byline or a
    date line): one line of at least `DECK_WORDS` words; "" when there is none or several."""
    if not 0 <= title_i < start - 1:
        return ""
    lines = [s for s in scored[title_i + 1 : start]
             if s.klass != BAD and not is_date_line(s.text) and not BYLINE.search(s.text)
             and not s.block.menu]
    if len(lines) == 1 and lines[0].words >= DECK_WORDS and lines[0].text != scored[title_i].text:
        return lines[0].text
    return ""


PHOTO_BLOCKS = 6  # at most this many blocks (alt text, photo count, caption) in a lead photo


def dek_above_photo(scored: list[Scored], title_i: int, start: int, end: int) -> int:
    """Where the article starts when its region opens with one paragraph standing alone
    between the headline and the lead photo (the standfirst): the first prose after the photo's
    blocks (at least two: alt text and caption); `start` itself when there is no such photo.
    Two paragraphs above the photo are the article's lead and stay in it, and so does one
    paragraph above a lone caption line (a photo set into the article)."""
    if not 0 <= title_i < start or scored[start].klass not in (GOOD, NEAR):
        return start
    if scored[start].block.kind != "p" or any(
            s.reason in ("caption", "double") for s in scored[title_i + 1 : start]):
        return start  # (a photo above it: it opens the article, under the lead photo)
    j = start + 1
    photo = False
    while j <= end and j - start <= PHOTO_BLOCKS and scored[j].klass not in (GOOD, NEAR):
        photo = photo or scored[j].reason in ("caption", "double")
        j += 1
    if not photo or j > end or j < start + 3 or scored[j].klass not in (GOOD, NEAR):
        return start
    return j


CHROME_SKIP = 20  # at most this many share-bar lines under a headline are skipped
SHARE_BAR_LINE = 40  # characters: a longer block is no share-bar line


def title_score(scored: list[Scored], i: int, anchor: bool = False) -> float:
    """How much block `i` looks like the article's headline (0 = not at all).

    With `anchor`, lines that are never a headline themselves (a staff credit, a breadcrumb,
    a share bar) still count: they mark where an article's header stands."""
    s = scored[i]
    text = s.text
    if (s.klass == BAD and s.reason != "repeated") or s.block.kind == "li" or s.block.menu:
        return 0.0
    n = len(text)  # the cheap tests first: most blocks are too long or too short
    if not (10 <= s.weight and n <= 250) or (s.words < 3 and s.weight < 24) or s.sentences > 2:
        return 0.0
    if (is_caption(text) or (is_date_line(text) and not headline_before_date(text))
            or is_aside_marker(text)):
        return 0.0
    if not anchor and never_headline(text):
        return 0.0
    if ((_TITLE_END_PUNCT.search(text) and not _TITLE_END_ABBREV.search(text)
         and not title_cased(text))
            or BYLINE.search(text) or _NAV_SEPARATORS.search(text)
            or _NAV_BULLET.match(text)):
        return 0.0
    score = 1.0
    if s.block.kind == "h":
        score += 3.0 if s.block.level == 1 else 1.0 if s.block.level else 0.0
    prose = 0
    header = False
    # a share bar right under the headline (short lines that are no prose: chrome, a date or
    # byline, a notice such as "These links open in a new window") is skipped: the article
    # is looked for after it
    k = i + 1
    while (k < len(scored) and k <= i + CHROME_SKIP and scored[k].klass != GOOD
           and scored[k].reason != "end" and len(scored[k].text) <= SHARE_BAR_LINE):
        header = header or is_date_line(scored[k].text) or bool(BYLINE.search(scored[k].text))
        k += 1
    if k > i + CHROME_SKIP:
        k = i + 1
    for j in range(k, min(len(scored), k + 11)):
        t = scored[j]
        if t.reason == "end":
            break  # comments or recommendations follow: what comes next is not this article
        if j <= k + 3 and (is_date_line(t.text) or BYLINE.search(t.text)):
            header = True
        if t.klass == GOOD:
            prose += t.weight
    score += min(prose / 400.0, 3.0)
    if _prose_follows(scored, i):
        score += FOLLOWED_BY_PROSE
    if header:
        score += 2.0
    if s.reason == "repeated":
        score += 0.5
    if s.words > 25:
        score -= 1.0
    return score


HEADLINE_NEAR_ANCHOR = 10  # blocks above an article's anchor line searched for its headline
NEAR_ANCHOR_SCORE = 1.0  # headline evidence enough for a line that close to the anchor


def headline_near_anchor(scored: list[Scored], anchor_i: int, start: int) -> int:
    """When the line that anchors the article is never a headline itself ("Jane Roe, staff
    writer", "Home Music News"), the index of the best headline a few blocks above it or
    between it and the article (-1 if none)."""
    if anchor_i < 0 or not never_headline(scored[anchor_i].text):
        return anchor_i
    best, best_i = NEAR_ANCHOR_SCORE, -1
    for i in range(max(0, anchor_i - HEADLINE_NEAR_ANCHOR), max(start, anchor_i + 1)):
        sc = title_score(scored, i)
        if sc > best:
            best, best_i = sc, i
    return best_i


PROSE_BEFORE_TITLE = 500  # weighted prose characters before a heading that make it a subheading


TOPIC_MIN_SHARE = 0.34  # a line above the article sharing fewer of its content words with it
OFF_TOPIC_PENALTY = 1.0  # ... loses this much headline score (a teaser for another story)
TOPIC_CHARS = 3000  # characters of the article's prose whose words make its topic
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")  # a word of four letters or more
_WIDE_RUN = re.compile(WIDE_RE.pattern + "{2,}")


def _content_words(text: str) -> set[str]:
    """The words of `text` as compared for its topic: each word of four letters or more, and
    each pair of neighbouring full-width (CJK) characters (such text has no spaces)."""
    words = _CONTENT_WORD.findall(text.casefold())
    if text.isascii():
        return set(words)
    keys = {w for w in words if not WIDE_RE.match(w)}
    for run in _WIDE_RUN.findall(text):
        keys.update(run[k : k + 2] for k in range(len(run) - 1))
    return keys


class ArticleTopic:
    """The content words of the article's first prose blocks in [start, end] (at most
    `TOPIC_CHARS` characters of them), gathered the first time they are asked for."""

    def __init__(self, scored: list[Scored], start: int, end: int) -> None:
        self._blocks = scored[max(start, 0) : end + 1] if start >= 0 else []
        self._words: frozenset[str] | None = None

    def __bool__(self) -> bool:
        return bool(self._blocks)

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            words: set[str] = set()
            size = 0
            for s in self._blocks:
                if s.klass in (GOOD, NEAR):
                    words |= _content_words(s.text)
                    size += len(s.text)
                    if size >= TOPIC_CHARS:
                        break
            self._words = frozenset(words)
        return self._words


def choose_title(scored: list[Scored], limit: int, anchor: bool = False,
                 topic: ArticleTopic | None = None, article_start: int = -1) -> int:
    """Index of the most headline-like block before index `limit` (-1 if none); `anchor`
    as in `title_score`.  A line above the article (before `article_start`) whose content
    words hardly recur in its prose (`topic`) loses `OFF_TOPIC_PENALTY`: it is a teaser
    headline for another story.  A standfirst under its headline gives way to it
    (`headline_above_deck`)."""
    best, best_i = 1.5, -1
    prose, penalty = 0, 0.0
    scores: dict[int, float] = {}
    off_topic: set[int] = set()
    for i in range(min(limit, len(scored))):
        if scored[i].reason == "end" and prose >= 300:
            penalty = 2.0  # perhaps past the article: comments and recommendations follow
        if scored[i].klass == GOOD:
            prose += scored[i].weight
        sc = title_score(scored, i, anchor) - penalty
        # (a line scoring this far below the best can neither win nor be the headline above
        # a standfirst: its topic is not looked at)
        if topic and sc > 0 and i < article_start and sc > best - OFF_TOPIC_PENALTY - DECK_MARGIN:
            own = _content_words(scored[i].text)
            if own and len(own & topic.words) < TOPIC_MIN_SHARE * len(own):
                sc -= OFF_TOPIC_PENALTY
                off_topic.add(i)
        if prose >= PROSE_BEFORE_TITLE:
            sc -= 1.5  # a heading after much prose is more likely a subheading
        scores[i] = sc
        if sc > best:
            best, best_i = sc, i
    return headline_above_deck(scored, best_i, scores, off_topic)


INSIDE_MARGIN = 0.5  # headline score a line inside the article must lead by over one above it


def headline_before_article(scored: list[Scored], title_i: int, start: int) -> int:
    """The headline when the chosen line `title_i` stands inside the article (after its first
    block `start`): the best line above the article instead, unless the inside line leads it
    by more than `INSIDE_MARGIN` (a line that follows some of the article's prose is
    likelier one of its subheadings)."""
    if not 0 <= start < title_i:
        return title_i
    topic = ArticleTopic(scored, start, len(scored) - 1)
    above = choose_title(scored, start, anchor=True, topic=topic, article_start=start)
    if above >= 0 and (title_score(scored, above, anchor=True)
                       >= title_score(scored, title_i, anchor=True) - INSIDE_MARGIN):
        return above
    return title_i


DECK_MIN_WORDS = 10  # a line this long right under a headline-like line is its standfirst
DECK_MARGIN = 1.5  # ... when that line's headline score is at most this much lower


def headline_above_deck(scored: list[Scored], i: int, scores: dict[int, float],
                        off_topic: set[int]) -> int:
    """The headline when the best candidate `i` is the standfirst under it: a line of at
    least `DECK_MIN_WORDS` words right below a shorter line whose headline score (`scores`,
    as `choose_title` computed them) is at most `DECK_MARGIN` lower and that is no teaser
    for another story (`off_topic`)."""
    if (i <= 0 or scored[i].words < DECK_MIN_WORDS or i - 1 in off_topic
            or never_headline(scored[i - 1].text)):
        return i  # (a line that is never a headline, a rule or "Follow us", has no deck)
    above = scores.get(i - 1, 0.0)
    if scored[i - 1].words >= scored[i].words or above < scores[i] - DECK_MARGIN:
        return i
    return i - 1


SENTENCE_HEADLINE_WORDS = (3, 20)  # words of a headline written as one sentence


def sentence_headline(scored: list[Scored], start: int) -> int:
    """When no block looks like a headline: the index of the line right above the article
    (past date and byline lines) if it is one short sentence ending with a period ("Council
    approves new budget."), else -1. Some sites end their headlines with a full stop."""
    i = start - 1
    while i >= 0 and (is_date_line(scored[i].text) or BYLINE.search(scored[i].text)):
        i -= 1
    if i < 0:
        return -1
    s = scored[i]
    low, high = SENTENCE_HEADLINE_WORDS
    if (s.klass == BAD or s.block.kind == "li" or s.block.menu or s.sentences != 1
            or not low <= s.words <= high or not s.text.endswith(".")
            or never_headline(s.text) or is_caption(s.text) or BYLINE.search(s.text)):
        return -1
    return i


def _clean_outlet(name: str) -> str:
    name = re.split(r"\s[–—|]\s", name)[0]  # "Wiener Blatt – Alle Rechte vorbehalten"
    name = re.sub(r"\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|Company|GmbH|S\.A)\.?$", "", name)
    return name.strip(" -–—,.")


def find_source(chrome: str, title: str = "") -> str:
    """The outlet named by known signatures or general copyright/blurb patterns."""
    if len(chrome) > 2 * CHROME_WINDOW:
        chrome = chrome[:CHROME_WINDOW] + "\n" + chrome[-CHROME_WINDOW:]
    best, best_count = "", 0
    present = _OUTLET_LITERALS.present(chrome)
    for name, rx, literals in OUTLETS:
        if literals is not None and present.isdisjoint(literals):
            continue
        count = len(rx.findall(chrome))
        if count > best_count:
            best, best_count = name, count
    if best:
        return best
    for (_kind, rx), literals in zip(SOURCE_PATTERNS, _SOURCE_LITERALS, strict=True):
        if literals and not any(map(chrome.__contains__, literals)):
            continue  # no text the pattern needs: it cannot match
        m = rx.search(chrome)
        if m:
            name = _clean_outlet(m.group("name"))
            if 2 <= len(name) <= 60:
                return name
    if title:
        for sep in (" | ", " - ", " — ", " – "):
            if sep in title:
                tail = title.rsplit(sep, 1)[1].strip()
                if 2 <= len(tail) <= 40:
                    return tail
    return ""


BYLINE_SEARCH = 4  # blocks at the top of the article region searched for a byline


def _byline_name(text: str) -> str:
    """The names of a byline block ("" when the block is not a byline)."""
    if len(text) > 200 or not BYLINE.search(text):
        return ""
    return clean_byline(text)


def opening_byline_block(scored: list[Scored], start: int, end: int,
                         title: int) -> tuple[int, str]:
    """(index, names) of a byline standing among the first blocks of the article region
    (below a standfirst, above the dateline); (-1, "") when there is none."""
    for i in range(start, min(end, start + BYLINE_SEARCH) + 1):
        if i == title or scored[i].block.kind == "h":
            continue
        name = _byline_name(scored[i].text)
        if name:
            return i, name
        if scored[i].klass == GOOD and scored[i].weight > 400:
            break  # past the lead: a "By ..." further down is article text
    return -1, ""


def trailing_byline(scored: list[Scored], end: int) -> str:
    """Names of a byline closing the article ("Автор: ...", "Von ...") just after its end."""
    for s in scored[end + 1 : end + 3]:
        name = _byline_name(s.text)
        if name:
            return name
    return ""


def apply_opening_byline(ex) -> None:
    """A byline paragraph among the first paragraphs of any extracted article (an HTML page or
    a scraper record that kept it in the text) becomes the byline; a single paragraph above
    it is the standfirst. The byline's names are the authors, not article text."""
    for i, text in enumerate(ex.paragraphs[: BYLINE_SEARCH]):
        name = _byline_name(text)
        if not name:
            continue
        if i > 1:
            return  # article text above it: leave the body as it is
        ex.byline = ex.byline or name
        above, ex.paragraphs = ex.paragraphs[:i], ex.paragraphs[i + 1:]
        if above and not ex.summary:
            ex.summary = above[0]
        if above and above[0] != ex.summary:
            ex.paragraphs = above + ex.paragraphs  # not the standfirst: keep it as text
        return


def tidy_byline(byline: str) -> str:
    """A byline from page metadata or a scraper record without job titles and places
    ("Aigul Nurlanova, Staff correspondent" -> "Aigul Nurlanova")."""
    byline = " ".join((byline or "").split())
    return _without_role(byline) if byline else ""


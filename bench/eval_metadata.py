#!/usr/bin/env python3
"""Check the headline and publication date the text-dump extractor finds against the page's own
HTML metadata, for non-English and English dev pages.

usage: eval_metadata.py [--shared DIR] [--half A|B] [--errors] [--lang-only non-en|en]

For every page of ``corpus/dev/<id>/`` the reference is read from ``page.html`` at eval time
(never stored in the repository):

- headline: every headline the page states — JSON-LD ``headline``/``name`` of an article
  object, ``og:title``, ``twitter:title``, the first ``<h1>`` and ``<title>`` — each also with
  a site name cut off (" | Site", " - Site", "Site: ...");
- date: the first of JSON-LD ``datePublished``, ``article:published_time`` (and the usual
  ``pubdate``/``date``/``DC.date.issued``/``parsely-pub-date`` metas), ``<time datetime>``;
  its calendar date as written (the local date, no time-zone shift).

Each ``dump_*.txt`` goes through ``extract_text_dump``. A headline is right when, after
normalising (NFKC, case-fold, punctuation dropped, whitespace collapsed), it equals one of
the reference headlines, or their word-bigram Dice overlap is >= 0.8 (so a dropped subtitle
word or a trailing site name does not count as a miss). A date is right when the extracted
date (YYYY-MM-DD) equals the reference date. Pages without a reference for a field are
left out of that field's count (reported); "headline, shown" counts only dumps that hold a
reference headline whole on one line; "date right, shown" counts only dumps that show
the date at all (its year within 40 characters of its day number). The page's language is
``detect_language`` on ``truth.txt`` (the page's ``<html lang>`` when that finds none).
``--half A``/``--half B``: the fixed split of sorted ids (even/odd positions).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))

_DATE_METAS = ("article:published_time", "pubdate", "publishdate", "publish-date", "date",
               "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date",
               "og:published_time", "datepublished", "article.published", "published_time")
_TITLE_METAS = ("og:title", "twitter:title")
_SITE_CUT = re.compile(r"\s+[|–—:·»-]\s+|\s+::\s+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class Reference:
    """What a page's own HTML says about itself."""

    headlines: list[str] = field(default_factory=list)
    date: str | None = None
    lang: str = ""


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: dict[str, str] = {}
        self.ld: list[str] = []
        self.h1: str | None = None
        self.title: str | None = None
        self.time: str | None = None
        self.lang = ""
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "").split("-")[0].lower()
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.metas:
                self.metas[key] = a["content"].strip()
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in, self._buf = "ld", []
        elif tag in ("h1", "title") and getattr(self, tag) is None and self._in is None:
            self._in, self._buf = tag, []
        elif tag == "time" and self.time is None and a.get("datetime"):
            self.time = a["datetime"]

    def handle_endtag(self, tag):
        if self._in == "ld" and tag == "script":
            self.ld.append("".join(self._buf))
            self._in = None
        elif self._in in ("h1", "title") and tag == self._in:
            setattr(self, tag, " ".join("".join(self._buf).split()))
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._buf.append(data)


def _ld_objects(raw: str) -> list[dict]:
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    out, stack = [], [data]
    while stack:
        x = stack.pop()
        if isinstance(x, list):
            stack.extend(x)
        elif isinstance(x, dict):
            out.append(x)
            stack.extend(v for k, v in x.items()
                         if k in ("@graph", "mainEntity", "itemListElement"))
    return out


def _is_article(obj: dict) -> bool:
    kind = obj.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report"))
               for k in kinds)


def reference(html: str) -> Reference:
    """Reference headlines and date of one page."""
    p = _MetaParser()
    try:
        p.feed(html)
    except Exception:  # noqa: BLE001 - a broken page simply has fewer references
        pass
    ref = Reference()
    ld_date = None
    for raw in p.ld:
        for obj in _ld_objects(raw):
            if not _is_article(obj):
                continue
            for key in ("headline", "name"):
                if isinstance(obj.get(key), str) and obj[key].strip():
                    ref.headlines.append(obj[key].strip())
            if ld_date is None and isinstance(obj.get("datePublished"), str):
                ld_date = obj["datePublished"]
    ref.headlines += [p.metas[k] for k in _TITLE_METAS if p.metas.get(k)]
    ref.headlines += [t for t in (p.h1, p.title) if t]
    ref.headlines = [unicodedata.normalize("NFKC", h) for h in ref.headlines]
    # "Headline | Site" and "Site: Headline": the longest part is the headline
    ref.headlines += [max(parts, key=len) for parts in map(_SITE_CUT.split, list(ref.headlines))
                      if len(parts) > 1]
    for cand in [ld_date] + [p.metas.get(k) for k in _DATE_METAS] + [p.time]:
        m = _ISO_DATE.search(cand or "")
        if m and 1990 <= int(m.group(1)) <= 2100:  # placeholders such as 0001-01-01 skipped
            ref.date = m.group(0)
            break
    ref.lang = p.lang
    return ref


def date_shown(dump: str, iso: str) -> bool:
    """Whether the dump shows the date at all, in any language: its year within 40
    characters of its day of the month (a loose, locale-free test)."""
    y, _, d = iso.split("-")
    day = str(int(d))
    return bool(re.search(rf"(?<!\d)(?:0?{day}(?!\d)[^\n]{{0,40}}?{y}|{y}[^\n]{{0,40}}?"
                          rf"(?<!\d)0?{day}(?!\d))", dump))


def headline_shown(dump: str, refs: list[str]) -> bool:
    """Whether one of the reference headlines stands whole on a line of the dump (after
    `norm`): a dump without its headline cannot give it."""
    lines = {norm(line) for line in dump.splitlines()}
    lines.discard("")
    wanted = [n for n in map(norm, refs) if n]
    return any(w in line for w in wanted for line in lines)


def norm(text: str) -> str:
    """Case-folded text without punctuation, whitespace collapsed."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = "".join(c if c.isalnum() or c.isspace() else " " for c in t)
    return " ".join(t.split())


def _bigrams(text: str) -> set[tuple[str, ...]]:
    w = text.split()
    return {tuple(w[i:i + 2]) for i in range(len(w) - 1)} or {tuple(w)}


def headline_right(found: str, refs: list[str]) -> bool:
    """Equal after `norm`, or word-bigram Dice overlap >= 0.8 with one reference."""
    f = norm(found)
    if not f:
        return False
    for r in refs:
        n = norm(r)
        if not n:
            continue
        if f == n:
            return True
        a, b = _bigrams(f), _bigrams(n)
        if 2 * len(a & b) / (len(a) + len(b)) >= 0.8:
            return True
    return False


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("NEWS_ARCHIVE_SHARED",
                                                        str(REPO.parent / "shared")))
    ap.add_argument("--half", choices=("A", "B"))
    ap.add_argument("--errors", action="store_true", help="list every miss")
    ap.add_argument("--lang-only", choices=("non-en", "en"), help="list misses of one group")
    a = ap.parse_args()
    dev = Path(a.shared) / "corpus" / "dev"
    if not dev.is_dir():
        sys.exit(f"shared corpus not found at {dev} (use --shared or NEWS_ARCHIVE_SHARED)")

    from datetime import date

    from news_archive.extract.text_dump import extract_text_dump
    from news_archive.tagging.language import detect_language

    ids = sorted(p.name for p in dev.iterdir() if (p / "page.html").exists())
    if a.half:
        ids = ids[0::2] if a.half == "A" else ids[1::2]
    # [group][field] -> [right, checked]; pages lacking a reference counted apart
    tally: dict[str, dict[str, list[int]]] = {
        g: {"headline": [0, 0], "h_shown": [0, 0], "date": [0, 0], "shown": [0, 0]}
        for g in ("non-en", "en")}
    pages = {"non-en": 0, "en": 0}
    no_ref = {"headline": 0, "date": 0}
    misses: list[str] = []
    for doc_id in ids:
        d = dev / doc_id
        ref = reference(d.joinpath("page.html").read_text(encoding="utf-8", errors="replace"))
        truth = (d / "truth.txt").read_text(encoding="utf-8") if (d / "truth.txt").exists() else ""
        lang = detect_language(truth) or ref.lang or "und"
        group = "en" if lang == "en" else "non-en"
        pages[group] += 1
        no_ref["headline"] += not ref.headlines
        no_ref["date"] += ref.date is None
        for dump in sorted(d.glob("dump_*.txt")):
            text = dump.read_text(encoding="utf-8", errors="replace")
            ex = extract_text_dump(text, today=date(2100, 1, 1))
            if ref.headlines:
                ok = headline_right(ex.title, ref.headlines)
                tally[group]["headline"][0] += ok
                tally[group]["headline"][1] += 1
                h_shown = headline_shown(text, ref.headlines)
                tally[group]["h_shown"][0] += ok and h_shown
                tally[group]["h_shown"][1] += h_shown
                if not ok and (a.errors or a.lang_only == group):
                    misses.append(f"{doc_id[:12]} {lang} {dump.stem} headline: "
                                  f"{ex.title[:90]!r} ref {ref.headlines[0][:90]!r}"
                                  f"{'' if h_shown else ' (not on a line of the dump)'}")
            if ref.date:
                got = (ex.published or "")[:10]
                ok = got == ref.date
                shown = date_shown(text, ref.date)
                tally[group]["date"][0] += ok
                tally[group]["date"][1] += 1
                tally[group]["shown"][0] += ok and shown
                tally[group]["shown"][1] += shown
                if not ok and (a.errors or a.lang_only == group):
                    misses.append(f"{doc_id[:12]} {lang} {dump.stem} date: {got or None} "
                                  f"ref {ref.date}{'' if shown else ' (not shown in the dump)'}")
    for line in misses:
        print(line)
    print(f"pages: {pages['non-en']} non-English, {pages['en']} English"
          f"{f' (half {a.half})' if a.half else ''}; pages without a reference headline "
          f"{no_ref['headline']}, without a reference date {no_ref['date']}")
    print(f"{'group':8} {'headline right':>18} {'headline, shown':>18} {'date right':>18} "
          f"{'date right, shown':>18}")
    for g in ("non-en", "en"):
        cells = []
        for f in ("headline", "h_shown", "date", "shown"):
            right, n = tally[g][f]
            cells.append(f"{right / n:.3f} ({right}/{n})" if n else "- (0/0)")
        print(f"{g:8} " + " ".join(f"{c:>18}" for c in cells))


if __name__ == "__main__":
    main()

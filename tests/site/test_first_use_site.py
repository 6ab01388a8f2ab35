"""Issue 19, site side: sample labels, teasers without datelines, plural forms, one title
separator, search terms (bylines, names without diacritics), the report's warnings."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_pelican
from markupsafe import Markup
from news_archive.site.search_terms import fold, search_terms
from news_archive.site.teaser import news_teaser, strip_dateline


def test_fold_spells_names_without_diacritics():
    assert fold("Łódź") == "Lodz"
    assert fold("São") == "Sao" and fold("Wrocław") == "Wroclaw"
    assert fold("Paris") == "" and fold("Москва") == ""


def test_search_terms_hold_the_byline_and_folded_names():
    class A:
        title = "Łódź Orders New Trams"
        metadata = {"byline": "Zoë Müller", "summary": ""}
        _content = "<p>The city of Łódź ordered trams from Kraków.</p>"

    terms = search_terms(A())
    assert terms.startswith("By Zoë Müller.")
    for word in ("Lodz", "Krakow", "Zoe", "Muller"):
        assert word in terms
    assert terms.count("Lodz") == 1


def _terms_word_by_word(article) -> str:
    """`search_terms` as first written: every word folded in turn (the reference)."""
    import unicodedata

    from news_archive.site import search_terms as module

    meta = article.metadata
    byline = str(meta.get("byline") or "")
    text = " ".join([article.title, byline, meta.get("summary") or "",
                     module._TAG.sub(" ", article._content)])
    folded: dict[str, str] = {}
    for word in module._WORDS.findall(text):
        plain = unicodedata.normalize("NFKD", word.translate(module._EXTRA_FOLD))
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        if plain != word and plain.isascii():
            folded.setdefault(plain.casefold(), plain)
    parts = [f"By {byline}." if byline else ""]
    if folded:
        parts.append("Without accents: " + ", ".join(folded.values()) + ".")
    return " ".join(p for p in parts if p)


@pytest.mark.parametrize("title,byline,body", [
    ("Plain English headline", "Ann Lee", "<p>Only ASCII words here, twice: words here.</p>"),
    ("Łódź and LODZ", "", "<p>Łódź, łódź, Lodz and Łódź again; “curly” quotes — dashes.</p>"),
    ("Straße", "Zoë", "<p>Æsir œuvre Þór ðe Øst Đà ıi São Paulo São.</p>"),
    ("Москва", "", "<p>Москва и Łódź; 東京 and Kraków.</p>"),
    ("", "", ""),
])
def test_search_terms_equal_folding_every_word(title, byline, body):
    """Skipping ASCII texts and words, and folding each word once, changes nothing."""
    class A:
        pass

    article = A()
    article.title, article._content = title, body
    article.metadata = {"byline": byline, "summary": ""}
    assert search_terms(article) == _terms_word_by_word(article)


@pytest.mark.parametrize("text,rest", [
    ("ALMATY, Kazakhstan, 9 May 2023 (KT) — Dock workers walked out.", "Dock workers"),
    ("LISBON — A storm flooded streets.", "A storm"),
    ("Wien, 7. Juni 2022. Die Stadt will bauen.", "Die Stadt"),
    ("БИШКЕК, 3 марта 2023 года. Мэрия объявила.", "Мэрия"),
    ("The minister said on 3 May 2022 that - yes.", "The minister"),
])
def test_strip_dateline(text, rest):
    assert strip_dateline(text).startswith(rest)


def test_teaser_is_one_paragraph():
    html = Markup("<p>LISBON — A storm flooded streets.</p><p>Second.</p><p>Third …</p>")
    assert str(news_teaser(html)) == "<p>A storm flooded streets.</p>"


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("first-use-site")
    content = work / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("posts"))
    out = work / "output"
    pairs = [f"{k}={json.dumps(v)}" for k, v in {"PATH": str(content), "OUTPUT_PATH": str(out),
                                                  "SEARCH_ENABLED": False}.items()]
    proc = run_pelican(content, out, None, extra_args=("-e", *pairs))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return content, out


@pytest.mark.slow
def test_sample_archive_is_large_labelled_and_spans_years(sample_site):
    content, out = sample_site
    posts = list((content / "posts").glob("*.md"))
    assert len(posts) >= 35
    headers = [p.read_text(encoding="utf-8").split("\n\n", 1)[0] for p in posts]
    years = {re.search(r"^Date: (\d{4})", h, re.M).group(1) for h in headers}
    languages = {re.search(r"^Language: (\w+)", h, re.M).group(1) for h in headers}
    assert len(years) >= 3 and {"en", "de", "fr", "es"} <= languages
    for post, header in zip(posts, headers, strict=True):
        raw = re.search(r"^Raw-Path: (.*)$", header, re.M).group(1)
        assert ("\nSample: yes" in header) == raw.startswith("sample_"), post.name
    page = (out / "dock-workers-strike-over-pay-in-three-portuguese-ports.html").read_text(
        encoding="utf-8")
    assert "Sample article" in page
    real = next(p for p in out.glob("*.html") if "tajikistan" in p.name).read_text(
        encoding="utf-8")
    assert "Sample article" not in real


@pytest.mark.slow
def test_pages_read_well(sample_site):
    _, out = sample_site
    home = (out / "index.html").read_text(encoding="utf-8")
    teasers = re.findall(r'<div class="story-standfirst"[^>]*><p>(.*?)</p></div>', home, re.S)
    assert teasers and not any(re.match(r"[A-ZÀ-Ž]{3,}[ ,].{0,60}—", t) for t in teasers)
    assert all(t.count("<p>") == 0 for t in teasers)
    for page in [out / "index.html", *out.glob("*.html"), *out.glob("*/index.html"),
                 *out.glob("*/*/index.html")]:
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert title.count(" – ") + title.count(" · ") <= 1, (page, title)
        assert not re.search(r"\b1 articles\b", html), page
    report = json.loads((out / "ingest-report.json").read_text(encoding="utf-8"))
    assert "warnings" in report


@pytest.mark.slow
def test_bylines_make_no_person_pages(sample_site):
    content, out = sample_site
    bylines = set()
    for p in (content / "posts").glob("*.md"):
        m = re.search(r"^Byline: (.*)$", p.read_text(encoding="utf-8"), re.M)
        if m:
            bylines.update(n.strip() for n in re.split(r",| and ", m.group(1)))
    persons = (out / "persons" / "index.html").read_text(encoding="utf-8")
    for name in bylines - {""}:
        assert f">{name}<" not in persons, name
    assert Path(out / "person").is_dir()


def test_a_summary_is_teased_once_per_process():
    """List pages show the same article's teaser many times: it is made once."""
    from news_archive.site import teaser

    html = Markup("<p>VILNIUS, Lithuania, 2 May 2023 — Ferries resumed.</p><p>More.</p>")
    before = teaser._teaser.cache_info()
    first, again = news_teaser(html), news_teaser(str(html))
    assert first == again == Markup("<p>Ferries resumed.</p>")
    assert isinstance(again, Markup)
    after = teaser._teaser.cache_info()
    assert (after.misses, after.hits) == (before.misses + 1, before.hits + 1)

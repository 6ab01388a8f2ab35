"""The theme shows an article's language: lang/dir on its text, labels in lists, entity pages
counting languages; a Persian article renders right-to-left at 360 px with no horizontal
overflow (headless Chromium; skips when /usr/bin/chromium or Playwright is missing)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browsing import chromium, require_browser

RU = "\n\n".join([
    "Образец новостного сайта",
    "Министры Таджикистана и России обсудили границу",
    "ДУШАНБЕ, 3 марта 2022 — Министры обороны Таджикистана и России обсудили в Душанбе"
    " охрану границы с Афганистаном, сообщила пресс-служба Министерства обороны Таджикистана.",
    "Стороны договорились провести совместные учения ОДКБ осенью, заявил министр.",
])

FA = "\n\n".join([
    "نمونهٔ سایت خبری",
    "گفت‌وگوی ایران و تاجیکستان دربارهٔ همکاری‌های منطقه‌ای و مرزی در سال آینده",
    "تهران، ۱۲ اسفند ۱۴۰۰ (3 March 2022) — وزیران خارجهٔ ایران و تاجیکستان در تهران دربارهٔ"
    " همکاری‌های اقتصادی و امنیتی گفت‌وگو کردند. به گفتهٔ سخنگوی وزارت امور خارجه، دو طرف بر"
    " گسترش تجارت و حمل‌ونقل میان دو کشور تأکید کردند.",
    "سازمان ملل متحد پیش‌تر از همکاری کشورهای منطقه برای کمک به پناهجویان افغانستان استقبال"
    " کرده بود. یک‌کلمهٔبسیاربلندبدونفاصلهبرایآزمودنشکستنخطدرصفحه‌هایباریکموبایل"
    "یک‌کلمهٔبسیاربلندبدونفاصله",
])

EN = "\n\n".join([
    "Example Wire",
    "Tajikistan and Russia discuss border security",
    "DUSHANBE, Tajikistan, March 3, 2022 — Defence ministers of Tajikistan and Russia met in"
    " Dushanbe to discuss the border with Afghanistan, officials said on Thursday.",
])


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from conftest import run_pelican

    work = tmp_path_factory.mktemp("ml_site")
    raw = work / "content" / "raw"
    raw.mkdir(parents=True)
    for name, text in (("ru.txt", RU), ("fa.txt", FA), ("en.txt", EN)):
        (raw / name).write_text(text, encoding="utf-8")
    out = work / "output"
    proc = run_pelican(work / "content", out, {
        "PATH": str(work / "content"), "OUTPUT_PATH": str(out), "SEARCH_ENABLED": False,
        "CACHE_PATH": str(work / "cache")})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def _article(out: Path, lang: str) -> tuple[Path, str]:
    """The article page whose body is in `lang`."""
    for p in sorted(out.glob("*.html")):
        html = p.read_text(encoding="utf-8")
        if re.search(rf'class="article-body"[^>]*lang="{lang}"', html):
            return p, html
    raise AssertionError(f"no article page in {lang!r}")


def test_article_text_carries_its_language_and_direction(site):
    _, fa = _article(site, "fa")
    assert re.search(r'class="article-body"[^>]*lang="fa"[^>]*dir="rtl"', fa)
    assert re.search(r'<h1[^>]*lang="fa"[^>]*dir="rtl"', fa)
    assert '<html lang="en">' in fa  # the chrome stays in the site's language
    _, ru = _article(site, "ru")
    assert "Таджикистан" in ru
    assert not re.search(r'class="article-body"[^>]*dir="rtl"', ru)
    assert not re.search(r'<h1[^>]*dir=', ru)


def test_lists_show_the_language(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="lang-tag"' in index
    assert "Persian" in index and "Russian" in index
    assert re.search(r'class="story-title"[^>]*lang="fa"[^>]*dir="rtl"', index)


def test_country_page_counts_languages(site):
    tj = (site / "country" / "tj" / "index.html")
    if not tj.exists():
        tj = next(p for p in site.rglob("*.html") if "country" in str(p) and
                  "tj" in p.parts[-2:][0].lower())
    html = tj.read_text(encoding="utf-8")
    m = re.search(r'class="languages" data-languages="([^"]*)">in (\d+) languages', html)
    assert m, "the country page says in how many languages it has articles"
    assert set(m.group(1).split()) == {"en", "fa", "ru"} and m.group(2) == "3"


@pytest.mark.browser
def test_rtl_article_renders_right_to_left_without_overflow_at_360px(site):
    require_browser()
    page_path, _ = _article(site, "fa")
    with chromium() as b:
        page = b.new_page(viewport={"width": 360, "height": 740})
        page.goto(page_path.as_uri())
        body = page.locator(".article-body")
        assert body.evaluate("e => getComputedStyle(e).direction") == "rtl"
        assert page.locator("h1").evaluate("e => getComputedStyle(e).direction") == "rtl"
        # the paragraph's first words sit at the right edge of the column
        col = body.bounding_box()
        first_word_right = page.evaluate("""() => {
            const p = document.querySelector('.article-body p');
            const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            const node = walker.nextNode();
            const r = document.createRange(); r.setStart(node, 0); r.setEnd(node, 3);
            return r.getBoundingClientRect().right; }""")
        assert abs(first_word_right - (col["x"] + col["width"])) < 4
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"page scrolls sideways by {overflow}px at 360px"
        page.screenshot(path=str(site.parent / "rtl_360.png"), full_page=True)

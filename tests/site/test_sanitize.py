"""The body sanitiser keeps what articles need and drops everything active."""

from __future__ import annotations

from news_archive.site.sanitize import clean_html


def test_keeps_footnotes_intra_site_links_and_site_images():
    html = ('<p>t<sup id="fnref:1"><a href="#fn:1">1</a></sup> <a href="{filename}/x.md">x</a>'
            ' <img src="{static}/a.png" alt="a"> <img src="https://e.org/b.png" alt="b"></p>'
            '<ol><li id="fn:1"><p>note</p></li></ol>')
    out = clean_html(html)
    for kept in ('id="fnref:1"', 'href="#fn:1"', 'id="fn:1"', 'href="{filename}/x.md"',
                 'src="{static}/a.png"', 'src="https://e.org/b.png"'):
        assert kept in out


def test_drops_active_content():
    html = ('<p onclick="x()">a<script>alert(1)</script><img src="data:image/svg+xml,x" '
            'onerror="y()"><img src="javascript:alert(1)"><a href="javascript:alert(1)">l</a>'
            '<iframe src="https://e.org"></iframe><svg onload="z()"></svg></p>')
    out = clean_html(html).lower()
    for gone in ("script", "onclick", "onerror", "onload", "javascript:", "data:", "iframe",
                 "svg", "alert"):
        assert gone not in out


def test_clean_html_is_memoised_between_builds(tmp_path):
    """HTML nh3 returned unchanged is not parsed again by the next build; other HTML is."""
    from news_archive.site.sanitize import CleanMemo

    clean, dirty = "<p>The council met.</p>", '<p onclick="x()">The council met.</p>'
    first = CleanMemo(tmp_path)
    assert first.clean(clean) == clean
    assert first.clean(dirty) == clean_html(dirty) != dirty
    assert first.parsed == 2
    first.save()
    second = CleanMemo(tmp_path)
    assert second.clean(clean) == clean and second.parsed == 0  # known clean: not parsed
    assert second.clean(dirty) == clean_html(dirty) and second.parsed == 1  # never memoised


def test_damaged_memo_is_set_aside(tmp_path, caplog):
    from news_archive.site.sanitize import MEMO_NAME, CleanMemo

    (tmp_path / MEMO_NAME).write_text("{not json", encoding="utf-8")
    memo = CleanMemo(tmp_path)
    assert memo.clean('<p onclick="x()">a</p>') == "<p>a</p>"
    assert (tmp_path / (MEMO_NAME + ".damaged")).exists()
    assert "damaged" in caplog.text or "set aside" in caplog.text

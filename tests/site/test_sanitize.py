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

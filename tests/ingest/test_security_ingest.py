"""Hostile raw HTML pages and scraper records go through ingest and stay inert in the site."""

from __future__ import annotations

import json

from security_payloads import PAYLOADS, audit

STORY = " ".join(["The harbour board met on Tuesday and agreed a new plan for the quay."] * 12)

HTML_PAGE = f"""<!doctype html><html><head>
<title>Harbour {PAYLOADS}</title>
<meta property="og:title" content="Harbour plan &lt;script&gt;alert(1)&lt;/script&gt;">
<meta property="og:site_name" content="&lt;img src=x onerror=alert(1)&gt;Evil Times">
<meta property="og:url" content="javascript:alert(1)">
<meta name="description" content="Lead {PAYLOADS}">
<script>alert("page script")</script>
</head><body onload="alert(1)"><article>
<h1>Harbour plan <img src=x onerror=alert(1)></h1>
<p>{STORY} <a href="javascript:alert(1)">details</a></p>
<p>{STORY.replace("quay", "pier")} <iframe src="https://evil.test"></iframe></p>
<p style="background:url(javascript:alert(1))">Third paragraph of the story, with {PAYLOADS}
and an entity &amp;lt;script&amp;gt; that decodes to markup, about the harbour board.</p>
</article></body></html>"""

RECORD = {
    "title": f"Record headline {PAYLOADS}",
    "maintext": f"{STORY}\n\n{PAYLOADS} and more words about the harbour board and its plan.",
    "description": f"Record lead {PAYLOADS}",
    "date_publish": "2021-05-06 10:00:00",
    "url": "javascript:alert(1)",
    "source_domain": "<script>alert(1)</script>evil.example",
    "authors": ["<svg onload=alert(1)>Mallory</svg>"],
    "language": "en",
}


def test_hostile_html_and_json_raw_files_are_inert(make_site):
    output, proc = make_site({"hostile.html": HTML_PAGE, "hostile.json": json.dumps(RECORD)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads((output / "ingest-report.json").read_text())
    assert report["posts_written"] == 2, report
    assert audit(output) == {}
    texts = "".join(p.read_text(encoding="utf-8") for p in output.glob("*.html"))
    assert "harbour board" in texts  # the articles themselves were published

"""Hostile payloads and an audit of built pages for unsafe markup (shared by security tests)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

PAYLOADS = ('<script>alert(1)</script> <img src=x onerror=alert(1)> '
            '<svg onload=alert(1)><circle r="1"/></svg> <iframe src="https://evil.test"></iframe>')
ENCODED = "&lt;script&gt;alert(1)&lt;/script&gt;"

HOSTILE_POST = f"""Title: Headline <script>alert(1)</script><img src=x onerror=alert(1)>
Date: 2021-07-07 10:00
Slug: hostile
Summary: Standfirst {PAYLOADS} {ENCODED} [x](javascript:alert(1))
Source: <iframe src=x></iframe>Evil Wire
Byline: By <svg onload=alert(1)>Mallory</svg>
Credits: <script>alert('credits')</script> Reuters
Countries: TJ;<svg onload=alert(1)>;javascript:alert(1)
Organizations: <img src=x onerror=alert(1)>;Taliban
Organization-Aliases: <script>x</script>=Taliban
Persons: <script>alert(1)</script>;Jane <b onmouseover=alert(1)>Doe</b>
Original-Url: javascript:alert(1)
Alternates: javascript:alert(2);https://ok.example/alt
Raw-Path: <script>alert(1)</script>.txt

Body {PAYLOADS} and {ENCODED}.

[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)">x</a>
<a href="java&#x09;script:alert(1)">y</a>

<object data="x"></object><embed src="x"><form action="javascript:alert(1)">
<button formaction="javascript:alert(1)">b</button></form>

![pic](javascript:alert(1)) <img src="data:image/svg+xml,<svg onload=alert(1)>">
"""

RAW_FILE = (f"Headline {PAYLOADS}\n\nStandfirst with {ENCODED} and <a href=\"javascript:alert(1)\">"
            f"link</a>.\n\nBody paragraph one {PAYLOADS}. " + "Words of a news story. " * 30 + "\n")


class Auditor(HTMLParser):
    """Collects what would execute: scripts, event handlers, javascript: URLs, frames."""

    URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            kind = (attrs.get("type") or "").lower()
            src = attrs.get("src") or ""
            if kind not in ("application/json", "application/ld+json") and (
                    "://" in src or src.startswith("//")):
                self.problems.append(f"off-site script {src}")
            self._in_script = kind not in ("application/json", "application/ld+json")
        if tag in ("iframe", "object", "embed", "frame"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}={value}")
            cleaned = "".join(ch for ch in (value or "") if ch > " ").lower()
            if name in self.URL_ATTRS and cleaned.startswith(("javascript:", "vbscript:")):
                self.problems.append(f"{tag} {name}={value}")
            if name in self.URL_ATTRS and tag != "a" and cleaned.startswith("data:"):
                self.problems.append(f"{tag} {name}=data:")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.problems.append(f"injected script: {data[:60]}")


def audit(output: Path) -> dict[str, list[str]]:
    found = {}
    for path in output.rglob("*.html"):
        auditor = Auditor()
        auditor.feed(path.read_text(encoding="utf-8", errors="replace"))
        if auditor.problems:
            found[str(path.relative_to(output))] = auditor.problems
    return found

"""Hostile input never becomes executable markup in the built site (parsed, not grepped)."""

from __future__ import annotations

from security_payloads import HOSTILE_POST, RAW_FILE, audit


def test_hostile_content_is_inert(make_site, tmp_path):
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "hostile.md").write_text(HOSTILE_POST, encoding="utf-8")
    output, proc = make_site({"evil.txt": RAW_FILE})
    assert proc.returncode == 0, proc.stderr[-3000:]
    page = output / "hostile.html"
    assert page.is_file()
    pages = list(output.rglob("*.html"))
    assert len(pages) > 5  # article, entity pages, indexes, archives were audited
    assert audit(output) == {}
    text = page.read_text(encoding="utf-8")
    # The hostile strings are shown as text, not dropped silently or executed.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # title, escaped by autoescape
    assert "Evil Wire" in text and "Mallory" in text and "Reuters" in text
    assert "https://ok.example/alt" in text
    entity_dirs = [p for p in (output / "person").iterdir()] if (output / "person").exists() else []
    assert entity_dirs, "person pages for hostile names were written"

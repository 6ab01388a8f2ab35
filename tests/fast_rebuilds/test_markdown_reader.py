"""The reusing Markdown reader gives exactly what Pelican's own reader gives, post after post."""

from __future__ import annotations

from fast_rebuilds.markdown_reader import ReusingMarkdownReader
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

POSTS = [
    "Title: One\nSummary: A *lead* with a note.\nTags: a, b\n\nText[^1] and *[HTML]: x\n\n"
    "[^1]: First note.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "Title: Two\nSummary: Second lead.\n\nOther text[^1] and more[^2].\n\n[^1]: One.\n\n"
    "[^2]: Two.\n\n*[HTML]: Hyper Text\n\nHTML here.\n",
    "Title: Three\n\nNo metadata-like lines: 0: x, and no notes.\n",
]


def test_same_content_and_metadata_as_pelicans_reader(tmp_path):
    settings = {**DEFAULT_CONFIG, "PATH": str(tmp_path)}
    ours, stock = ReusingMarkdownReader(settings), MarkdownReader(settings)
    paths = []
    for i, text in enumerate(POSTS * 2):
        path = tmp_path / f"p{i}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    for path in paths:
        assert ours.read(str(path)) == stock.read(str(path)), path.name

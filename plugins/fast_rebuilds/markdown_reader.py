"""Pelican's Markdown reader, with one parser reused for every post.

Pelican builds a new `markdown.Markdown` for each file, which loads and configures every
extension again: about 5 % of a large build. Python-Markdown is made for reuse (`reset()`
clears all per-document state, footnotes and abbreviations included), so this reader keeps
two parsers, one for documents and one for formatted metadata fields (summary).
"""

from __future__ import annotations

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open


class _NoMeta(Preprocessor):
    """Stands in for the meta preprocessor that Pelican removes before formatting fields."""

    def run(self, lines: list[str]) -> list[str]:
        return lines


class ReusingMarkdownReader(MarkdownReader):
    """`MarkdownReader` whose parsers live as long as the reader (one build)."""

    _doc_md: Markdown | None = None
    _field_md: Markdown | None = None

    def read(self, source_path):
        self._source_path = source_path
        if self._doc_md is None:
            self._doc_md = Markdown(**self.settings["MARKDOWN"])
        md = self._doc_md
        md.reset()
        with pelican_open(source_path) as text:
            content = md.convert(text)
        meta = getattr(md, "Meta", None)
        if not meta:
            return content, {}
        if self._field_md is None:
            self._field_md = Markdown(**self.settings["MARKDOWN"])
        if "meta" not in self._field_md.preprocessors:
            # Pelican's _parse_metadata deregisters "meta" on every call.
            self._field_md.preprocessors.register(_NoMeta(self._field_md), "meta", 27)
        self._md = self._field_md
        return content, self._parse_metadata(meta)


def use_reusing_reader(readers) -> None:
    """Route every Markdown extension to the reusing reader."""
    for ext in ReusingMarkdownReader.file_extensions:
        if readers.reader_classes.get(ext) is MarkdownReader:
            readers.reader_classes[ext] = ReusingMarkdownReader


def register() -> None:
    signals.readers_init.connect(use_reusing_reader)

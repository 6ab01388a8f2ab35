"""Rule- and gazetteer-based entity tagger (countries, organizations, persons, dates)."""

from .tagger import tag_text

__all__ = ["tag_text"]

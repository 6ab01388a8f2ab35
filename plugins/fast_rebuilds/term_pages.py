"""Pelican's tag, category and author pages with their date lists in linear time.

Pelican 4.12's `ArticlesGenerator.generate_tags`, `generate_categories` and `generate_authors`
pick each term's articles in date order with `[article for article in self.dates if article
in articles]`, a list scan per article: quadratic in the articles a term holds. It runs even
when the term's pages are not written (`AUTHOR_SAVE_AS = ""`), so a site whose every article
has the default `AUTHOR` pays it in full: 3.6 s of a 27 s no-change rebuild of 20,000 posts
(cProfile). These are the same methods with the membership test on a set of identities
(contents have no `__eq__`, so `in` compared identities already). Each replaces Pelican's only
while Pelican's source is the one it was written from; otherwise Pelican's own runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError

from .source_check import source_has

log = logging.getLogger("pelican.generators")  # Pelican's messages, under Pelican's logger

_QUADRATIC_LINE = "dates = [article for article in self.dates if article in articles]"
# method name -> (template and keyword of the term, attribute holding the terms, plural)
_KINDS = {
    "generate_tags": ("tag", "tags", "tags"),
    "generate_categories": ("category", "categories", "categories"),
    "generate_authors": ("author", "authors", "authors"),
}
_PELICANS = {name: ArticlesGenerator.__dict__[name] for name in _KINDS}


def in_date_order(dates: list, articles: list) -> list:
    """The members of `articles` in the order of `dates` (the generator's date-sorted list)."""
    members = {id(a) for a in articles}
    return [a for a in dates if id(a) in members]


def _term_pages(kind: str, attribute: str, plural: str) -> Callable:
    def generate(self, write) -> None:
        template = self.get_template(kind)
        terms = getattr(self, attribute)
        for term, articles in terms.items() if isinstance(terms, dict) else terms:
            try:
                write(term.save_as, template, self.context, url=term.url,
                      articles=articles, dates=in_date_order(self.dates, articles),
                      template_name=kind, blog=True, page_name=term.page_name,
                      all_articles=self.articles, **{kind: term})
            except FileOverwriteFailedError:
                if term.slug:
                    log.error('Failed to write %s page for "%s".', kind.capitalize(), term)
                    raise
                log.info('%s "%s" has an invalid slug; skipping writing %s page...',
                         kind.capitalize(), term, kind,
                         extra={"limit_msg": f"Further {plural} with invalid slugs."})

    generate.__doc__ = f"Pelican's {kind} pages, each term's dates found in linear time."
    generate.__name__ = generate.__qualname__ = f"generate_{plural}"
    return generate


REPLACEMENTS = {name: _term_pages(*spec) for name, spec in _KINDS.items()}


def install() -> bool:
    """Use the linear versions where Pelican's methods are the quadratic ones they were
    written for; True when all three are installed."""
    installed = 0
    for name, ours in REPLACEMENTS.items():
        current = ArticlesGenerator.__dict__[name]
        if current is ours:
            installed += 1
        elif current is _PELICANS[name] and source_has(current, _QUADRATIC_LINE, name):
            setattr(ArticlesGenerator, name, ours)
            installed += 1
    return installed == len(REPLACEMENTS)


def register() -> None:
    install()

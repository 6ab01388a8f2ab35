"""term_pages: Pelican's tag, category and author pages, same writes in linear time."""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from fast_rebuilds import term_pages
from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError

KINDS = list(term_pages.REPLACEMENTS)


class Term:
    def __init__(self, name: str, slug: str | None = None) -> None:
        self.name, self.slug = name, slug if slug is not None else name
        self.save_as, self.url, self.page_name = f"{name}.html", f"{name}/", name

    def __str__(self) -> str:
        return self.name


def fake_generator() -> SimpleNamespace:
    """Articles in date order, spread over terms as Pelican's generator holds them (tags in a
    dict, categories and authors as (term, articles) pairs)."""
    rng = random.Random(7)
    arts = [SimpleNamespace(n=i, date=datetime(2020, 1, 1) + timedelta(hours=rng.randrange(9000)))
            for i in range(300)]
    terms = [Term(f"t{i}") for i in range(6)]
    groups: dict[Term, list] = {t: [] for t in terms}
    for a in rng.sample(arts, len(arts)):  # each term's own order is not the date order
        for t in rng.sample(terms, 2):
            groups[t].append(a)
    return SimpleNamespace(
        dates=sorted(arts, key=lambda a: a.date), articles=arts, context={"x": 1},
        tags=groups, categories=list(groups.items()), authors=list(groups.items()),
        get_template=lambda name: f"template:{name}")


def calls_of(method, gen) -> list[tuple]:
    calls = []
    method(gen, lambda *args, **kwargs: calls.append((args, kwargs)))
    return calls


def original(name: str):
    return term_pages._PELICANS[name]


@pytest.mark.parametrize("name", KINDS)
def test_same_writes_as_pelicans_own(name: str) -> None:
    gen = fake_generator()
    theirs = calls_of(original(name), gen)
    ours = calls_of(term_pages.REPLACEMENTS[name], gen)
    assert len(ours) == len(theirs) == 6
    for (a_args, a_kw), (b_args, b_kw) in zip(ours, theirs, strict=True):
        assert a_args == b_args
        assert a_kw.keys() == b_kw.keys()
        for key, value in a_kw.items():  # the same objects, lists in the same order
            if isinstance(value, list):
                assert list(map(id, value)) == list(map(id, b_kw[key])), key
            else:
                assert value == b_kw[key], key
        assert [a.date for a in a_kw["dates"]] == sorted(a.date for a in a_kw["articles"])


@pytest.mark.parametrize("name", KINDS)
def test_invalid_slug_skipped_and_other_failures_raised(name: str, caplog) -> None:
    gen = fake_generator()
    first = next(iter(gen.tags))
    first.slug = ""

    def write(save_as, *args, **kwargs):
        raise FileOverwriteFailedError(save_as)

    with caplog.at_level(logging.INFO, logger="pelican.generators"):
        with pytest.raises(FileOverwriteFailedError):  # the second term has a slug
            term_pages.REPLACEMENTS[name](gen, write)
    assert "invalid slug" in caplog.text and "Failed to write" in caplog.text


def test_installed_only_over_the_known_methods(monkeypatch) -> None:
    for name in KINDS:
        monkeypatch.setattr(ArticlesGenerator, name, original(name))
    assert term_pages.install()
    for name in KINDS:
        assert ArticlesGenerator.__dict__[name] is term_pages.REPLACEMENTS[name]

    def changed(self, write):
        return None

    monkeypatch.setattr(ArticlesGenerator, "generate_authors", changed)
    assert not term_pages.install()
    assert ArticlesGenerator.__dict__["generate_authors"] is changed

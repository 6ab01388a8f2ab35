"""Fingerprints change exactly when what a template shows of a value changes."""

from __future__ import annotations

from types import SimpleNamespace

from fast_rebuilds.fingerprint import Fingerprinter, digest


class Item:
    """Stands for an object fingerprinted through `__fingerprint__` (a feed item)."""

    def __init__(self, key: str, noise: int) -> None:
        self.key, self.noise = key, noise

    def __fingerprint__(self) -> tuple:
        return (self.key,)


def test_equal_values_equal_fingerprints_and_changes_show() -> None:
    fp = Fingerprinter()
    a = {"title": "A", "tags": ["x", "y"], "n": 1}
    assert fp.of(a) == Fingerprinter().of({"n": 1, "tags": ["x", "y"], "title": "A"})
    assert fp.of(a) != fp.of({**a, "tags": ["y", "x"]})  # order of a list is shown
    assert fp.of(a) != fp.of({**a, "n": 2})
    assert fp.of(None) != fp.of("") != fp.of(0)


def test_private_attributes_are_ignored_and_stand_ins_are_used() -> None:
    fp = Fingerprinter()
    one = SimpleNamespace(title="A", _cache={"x": 1})
    two = SimpleNamespace(title="A", _cache={"x": 2})
    assert fp.of(one) == Fingerprinter().of(two)
    assert fp.of([Item("k", 1)]) == Fingerprinter().of([Item("k", 2)])
    assert fp.of([Item("k", 1)]) != Fingerprinter().of([Item("j", 1)])


def test_digest_is_stable() -> None:
    assert digest("abc") == digest("abc") != digest("abd")


def test_neutral_settings_do_not_change_the_build_fingerprint() -> None:
    """Worker counts and timeouts change how a build runs, not what it writes: changing one
    must not render every page again (plugins name theirs in FAST_REBUILDS_NEUTRAL_SETTINGS)."""
    from fast_rebuilds.incremental.state import output_settings

    base = {"SITENAME": "A", "FAST_REBUILDS_NEUTRAL_SETTINGS": ["SEARCH_WORKERS"]}
    one, two = {**base, "SEARCH_WORKERS": 1}, {**base, "SEARCH_WORKERS": 8}
    assert output_settings(one) == output_settings(two) == {"SITENAME": "A"}
    assert output_settings({**one, "SITENAME": "B"}) != output_settings(one)
    assert "SEARCH_WORKERS" in output_settings({"SEARCH_WORKERS": 1})  # not neutral by itself


def test_news_archive_declares_its_neutral_settings() -> None:
    from types import SimpleNamespace

    from news_archive.settings import set_defaults

    pelican = SimpleNamespace(settings={"FAST_REBUILDS_NEUTRAL_SETTINGS": ["MINE"]})
    set_defaults(pelican)
    assert {"MINE", "NEWS_ARCHIVE_WORKERS", "SEARCH_WORKERS"} <= set(
        pelican.settings["FAST_REBUILDS_NEUTRAL_SETTINGS"])

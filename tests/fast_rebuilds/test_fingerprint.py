"""Fingerprints change exactly when what a template shows of a value changes."""

from __future__ import annotations

from datetime import datetime
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


def test_an_attribute_of_a_value_noted_whole_is_not_noted_again() -> None:
    """`x.title` beside `x` is dropped from what a page depends on only where the fingerprint of
    `x` changes whenever `x.title` does (public attributes of plain objects, contents and URL
    wrappers); properties, private attributes, dict items and stand-ins stay."""
    from fast_rebuilds.fingerprint import covers_attribute
    from fast_rebuilds.incremental.writer import covered
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Tag

    article = Article("<p>Body</p>", metadata={"title": "A title", "slug": "a"},
                      settings=DEFAULT_CONFIG)
    tag = Tag("Energy", DEFAULT_CONFIG)
    plain = SimpleNamespace(title="T", _hidden=1)
    values = {"article": article, "tag": tag, "plain": plain, "d": {"title": "T"},
              "item": Item("k", 1)}
    used = {"article", "article.title", "article.content", "tag", "tag.name", "plain",
            "plain.title", "plain._hidden", "d", 'd["title"]', "item", "item.key", "other.title"}
    assert {n for n in used if covered(n, used, values)} == {"article.title", "plain.title"}
    # ... and not when the value itself was not noted whole
    assert not covered("article.title", {"article.title"}, values)
    assert not covers_attribute(article, "content")  # a property: not among the attributes
    # The premise: the whole value's fingerprint changes with the attribute.
    before = Fingerprinter().of(article)
    article.title = "Another title"
    assert Fingerprinter().of(article) != before
    before = Fingerprinter().of(plain)
    plain.title = "U"
    assert Fingerprinter().of(plain) != before


def test_contents_linking_to_other_contents_are_never_unchanged() -> None:
    """Pelican rewrites {filename}/|static| links when the target moves, which the source text
    does not show: such a content gets a new fingerprint every time; others are stable."""
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    def article(body: str) -> Article:
        return Article(body, metadata={"title": "T", "slug": "t"}, settings=DEFAULT_CONFIG)

    for body in ('<p><a href="{filename}/other.md">other</a></p>',
                 '<p><img src="|static|/img/a.png"></p>', '<p>{tag}energy</p>'):
        linked = article(body)
        assert Fingerprinter().of(linked) != Fingerprinter().of(linked), body
        assert Fingerprinter().of_attribute(linked) != Fingerprinter().of_attribute(linked)
    for body in ("<p>Plain text, a {brace} and a | bar.</p>", "<p>No links.</p>"):
        plain = article(body)
        assert Fingerprinter().of(plain) == Fingerprinter().of(plain), body


def test_strings_in_containers_cannot_run_into_each_other() -> None:
    """Strings of any length, with any separator in them, keep lists apart."""
    fp = Fingerprinter()
    assert fp.of(["a,sb"]) != fp.of(["a", "b"])
    assert fp.of(["a", "b,c"]) != fp.of(["a,b", "c"])
    long = "x" * 200
    assert fp.of([long, "y"]) != fp.of([long + "y"])
    assert fp.of({"k": "1:2"}) != fp.of({"k": "1", "2": ""})


def test_a_contents_full_fingerprint_follows_its_linked_and_its_own_attributes() -> None:
    """Full = ref + the attributes ref leaves out (lists, terms): a change to either shows,
    and only a change to its own state shows in the ref fingerprint."""
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    def article() -> Article:
        a = Article("<p>Body.</p>", metadata={"title": "T", "slug": "t"}, settings=DEFAULT_CONFIG)
        a.news_more = [("Chile", ["one", "two"])]
        a.byline = "A. Writer"
        return a

    base = article()
    other_list, other_byline = article(), article()
    other_list.news_more = [("Chile", ["one", "three"])]
    other_byline.byline = "B. Writer"
    full = Fingerprinter().of(base)
    assert full == Fingerprinter().of(article())
    assert full != Fingerprinter().of(other_list)
    assert full != Fingerprinter().of(other_byline)
    ref = Fingerprinter().of_attribute(base)
    assert ref == Fingerprinter().of_attribute(other_list)
    assert ref != Fingerprinter().of_attribute(other_byline)


def test_plain_and_linked_metadata_both_show_their_changes() -> None:
    """Metadata of plain values (text, numbers, dates) is fingerprinted from one repr; a
    value of another kind (a list, a term) value by value. Either way a change shows."""
    from datetime import timezone

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Tag

    def article(**meta) -> Article:
        return Article("<p>Body.</p>", metadata={"title": "T", "slug": "t", **meta},
                       settings=DEFAULT_CONFIG)

    def ref(a: Article) -> str:
        return Fingerprinter().of_attribute(a)

    when = datetime(2024, 5, 1, 12, 0)
    plain = article(date=when, source="Wire")
    assert ref(plain) == ref(article(date=when, source="Wire"))
    assert ref(plain) != ref(article(date=when, source="Wire2"))
    assert ref(plain) != ref(article(date=when.replace(tzinfo=timezone.utc), source="Wire"))
    assert ref(plain) != ref(article(date=when, source="Wire", pages="3"))
    tagged = article(tags=[Tag("energy", DEFAULT_CONFIG)])
    assert ref(tagged) == ref(article(tags=[Tag("energy", DEFAULT_CONFIG)]))
    assert ref(tagged) != ref(article(tags=[Tag("power", DEFAULT_CONFIG)]))


def test_a_contents_own_text_keeps_attributes_metadata_and_kinds_apart() -> None:
    """The one text a content's own state is hashed from cannot confuse an attribute with a
    metadata entry, text with markup, or one value running into the next."""
    from markupsafe import Markup
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    def article(**meta) -> Article:
        return Article("<p>Body.</p>", metadata={"title": "T", "slug": "t", **meta},
                       settings=DEFAULT_CONFIG)

    def ref(a: Article) -> str:
        return Fingerprinter().of_attribute(a)

    in_metadata = article(byline="Ann")  # an attribute and a metadata entry
    attribute_only = article()
    attribute_only.byline = "Ann"
    assert ref(in_metadata) != ref(attribute_only)
    text, markup = article(), article()
    text.standfirst, markup.standfirst = "<b>x</b>", Markup("<b>x</b>")
    assert ref(text) != ref(markup)
    one, two = article(), article()
    one.a, one.b = "x1:b=str1:y", "z"
    two.a, two.b = "x", "y"
    assert ref(one) != ref(two)
    assert ref(article(pages=("1", "2"))) != ref(article(pages=("12",)))


def test_a_contents_linked_lists_are_told_apart_by_their_nesting() -> None:
    """The lists and dicts an article links to are written out flat, brackets and lengths
    included: the same items nested differently, or a key swapped for a value, show."""
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    def full(linked) -> str:
        a = Article("<p>Body.</p>", metadata={"title": "T", "slug": "t"}, settings=DEFAULT_CONFIG)
        a.news_more = linked
        return Fingerprinter().of(a)

    assert full([("Chile", ["one", "two"])]) == full([("Chile", ["one", "two"])])
    assert full([("Chile", ["one", "two"])]) != full([("Chile", ["one"]), "two"])
    nested = [[["a", "b"]], [["a"], ["b"]], [("a", "b")], ["a", "b"], [{"a": "b"}],
              [{"b": "a"}], [{"a": "b", "c": "d"}], [1], ["1"], [None]]
    assert len({full(linked) for linked in nested}) == len(nested)

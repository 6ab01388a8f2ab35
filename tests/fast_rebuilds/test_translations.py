"""translations: Pelican's process_translations, same result in linear time."""

from __future__ import annotations

import random

import pelican.generators
import pelican.utils
import pytest
from fast_rebuilds import translations
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import SafeDatetime


def _articles(seed: int) -> list[Article]:
    """Articles sharing slugs in groups of one to three, in English, German or French, some
    marked as translations."""
    rng = random.Random(seed)
    out = []
    for i in range(300):
        for k in range(rng.choice((1, 1, 1, 2, 3))):
            meta = {"title": f"Story {i}", "slug": f"story-{i}", "lang": ("en", "de", "fr")[k],
                    "date": SafeDatetime(2020, 1, 1)}
            if rng.random() < 0.2:
                meta["translation"] = "true"
            out.append(Article(f"<p>{i}/{k}</p>", metadata=meta, settings=DEFAULT_CONFIG,
                               source_path=f"/c/{i}-{k}.md"))
    rng.shuffle(out)
    return out


@pytest.mark.parametrize("translation_id", ["slug", ("slug", "title"), None])
def test_same_originals_translations_and_links_as_pelicans_own(translation_id) -> None:
    theirs_in, ours_in = _articles(3), _articles(3)
    theirs = pelican.utils.process_translations(theirs_in, translation_id=translation_id)
    ours = translations.process_translations(ours_in, translation_id=translation_id)

    def shape(result, pool):
        where = {id(a): n for n, a in enumerate(pool)}
        lists = [[a.source_path for a in part] for part in result]
        links = {a.source_path: sorted(t.source_path for t in getattr(a, "translations", []))
                 for a in pool}
        return lists, links, [a.source_path for a in pool], len(where)

    assert shape(ours, ours_in) == shape(theirs, theirs_in)
    if translation_id:
        assert ours[1]  # the sample has translations


def test_installed_where_pelicans_generators_call_it() -> None:
    assert translations.install()
    assert pelican.generators.process_translations is translations.process_translations

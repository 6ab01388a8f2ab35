"""Entity timelines kept between builds: drawn again only for entities whose months changed."""

from __future__ import annotations

import json
from collections import Counter

from news_archive.site.taxonomy import timeline_cache
from news_archive.site.taxonomy.timeline import timeline_svg
from news_archive.site.taxonomy.timeline_cache import CACHE_NAME, Timelines

AF = Counter({(2021, 7): 3, (2022, 1): 1})
UN = Counter({(2020, 2): 2})


def test_unchanged_months_reuse_the_svg_changed_ones_are_drawn(tmp_path) -> None:
    first = Timelines(tmp_path)
    assert first.svg(AF, "Afghanistan", "tl-country") == timeline_svg(AF, "Afghanistan",
                                                                      "tl-country")
    first.svg(UN, "United Nations", "tl-organization")
    first.save()
    assert first.drawn == 2

    second = Timelines(tmp_path)
    grown = AF + Counter({(2024, 12): 1})
    assert second.svg(AF, "Afghanistan", "tl-country") == timeline_svg(AF, "Afghanistan",
                                                                       "tl-country")
    assert second.svg(grown, "Afghanistan", "tl-country") == timeline_svg(
        grown, "Afghanistan", "tl-country")
    assert second.drawn == 1  # only the changed months
    second.save()
    # entries no entity used are dropped: UN was not asked for in the second build
    kept = json.loads((tmp_path / CACHE_NAME).read_text())["svg"]
    assert len(kept) == 2 and not any("United Nations" in k for k in kept)


def test_damaged_or_other_code_cache_draws_everything(tmp_path, caplog, monkeypatch) -> None:
    (tmp_path / CACHE_NAME).write_text("{not json", encoding="utf-8")
    t = Timelines(tmp_path)
    t.svg(AF, "Afghanistan", "tl-country")
    assert t.drawn == 1 and "damaged" in caplog.text
    assert (tmp_path / (CACHE_NAME + ".damaged")).exists()
    t.save()
    monkeypatch.setattr(timeline_cache, "_CODE", "other code")
    t = Timelines(tmp_path)
    t.svg(AF, "Afghanistan", "tl-country")
    assert t.drawn == 1
    assert Timelines(None).svg(UN, "UN", "x") == timeline_svg(UN, "UN", "x")

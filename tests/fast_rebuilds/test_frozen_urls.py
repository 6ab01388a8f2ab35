"""frozen_urls: URLs pinned once per build; summaries remembered between builds."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from fast_rebuilds import frozen_urls
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG


def _settings(tmp_path, **extra) -> dict:
    return {**DEFAULT_CONFIG, "CACHE_PATH": str(tmp_path), "CACHE_CONTENT": True,
            "LOAD_CONTENT_CACHE": True, "SUMMARY_MAX_LENGTH": 5, **extra}


def _articles(settings: dict) -> list[Article]:
    body = "<p>" + " ".join(f"word{i}" for i in range(30)) + "</p>"
    meta = {"title": "A", "date": datetime(2021, 7, 7), "summary": "<p>Given</p>"}
    with_summary = Article(body, meta, settings=settings, source_path="a.md")
    plain = Article(body, {"title": "B", "date": datetime(2021, 7, 8)}, settings=settings,
                    source_path="b.md")
    return [with_summary, plain]


def _freeze(settings: dict) -> list[Article]:
    arts = _articles(settings)
    frozen_urls.freeze(SimpleNamespace(settings=settings, articles=arts))
    return arts


def test_summaries_equal_pelicans_and_are_remembered(tmp_path, monkeypatch) -> None:
    settings = _settings(tmp_path)
    first = _freeze(settings)
    expected = [a.summary for a in _articles(settings)]
    assert [a.frozen_summary for a in first] == expected
    assert expected[1].startswith("<p>word0 word1 word2 word3 word4")
    assert (tmp_path / "fast_rebuilds_summaries.json").exists()
    # The next build takes the remembered summary instead of cutting the HTML again.
    monkeypatch.setattr(Article, "get_summary", lambda self, siteurl: "recomputed")
    again = _freeze(settings)
    assert [a.frozen_summary for a in again] == ["recomputed", expected[1]]
    # Other summary settings, or --ignore-cache, compute it afresh.
    assert _freeze(_settings(tmp_path, SUMMARY_MAX_LENGTH=6))[1].frozen_summary == "recomputed"
    ignore = _freeze(_settings(tmp_path, LOAD_CONTENT_CACHE=False))
    assert ignore[1].frozen_summary == "recomputed"


def test_urls_are_pinned(tmp_path) -> None:
    settings = _settings(tmp_path)
    arts = _freeze(settings)
    assert all(a.override_url == a.url and a.override_save_as == a.save_as for a in arts)

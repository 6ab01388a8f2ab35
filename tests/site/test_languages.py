"""An article's language on the page (site/languages.py): lang/dir attributes and names from
CLDR through babel."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from news_archive.site import languages
from news_archive.site.languages import (
    is_rtl,
    language_name,
    news_lang_label,
    news_language_name,
    news_text_attrs,
)


def _article(code):
    return SimpleNamespace(language=code)


@pytest.mark.parametrize("code", ["ar", "fa", "ur", "he", "ps", "sd", "ckb", "ug", "yi"])
def test_right_to_left_languages(code):
    assert is_rtl(code)
    assert str(news_text_attrs(_article(code))) == f' lang="{code}" dir="rtl"'


@pytest.mark.parametrize("code", ["en", "ru", "kk", "uz", "tg", "tr", "ku", "zh"])
def test_left_to_right_languages(code):
    assert not is_rtl(code)
    assert str(news_text_attrs(_article(code))) == f' lang="{code}"'


def test_language_codes_are_cut_as_the_theme_cut_them():
    from jinja2 import Environment

    truncate = Environment().from_string('{{ c|lower|truncate(8, True, "") }}')
    for code in ("fa", "ZH-Hant-TW", "x" * 13, "y" * 14, "a-very-long-tag-indeed"):
        assert languages.article_lang(_article(code)) == truncate.render(c=code)


def test_regional_codes_case_and_unknown_codes():
    assert str(news_text_attrs(_article("FA-IR"))) == ' lang="fa-ir" dir="rtl"'
    assert str(news_text_attrs(_article(""))) == "" and str(news_text_attrs(_article(None))) == ""
    assert str(news_text_attrs(_article('x"><b'))) == ' lang="x&#34;&gt;&lt;b"'


def test_names_come_from_cldr_in_the_site_language(monkeypatch):
    assert language_name("fa") == "Persian" and language_name("ky") == "Kyrgyz"
    assert language_name("iw") == "Hebrew"  # an old code CLDR maps to "he"
    assert language_name("qq") == "QQ"
    assert language_name("ru", "de") == "Russisch"
    monkeypatch.setattr(languages, "_site_lang", ["fr"])
    assert news_language_name("RU") == "russe"


def test_list_label_only_for_other_languages(monkeypatch):
    monkeypatch.setattr(languages, "_site_lang", ["en"])
    assert str(news_lang_label(_article("en"))) == ""
    label = str(news_lang_label(_article("fa")))
    assert 'class="lang-tag" title="Persian">Persian</span>' in label

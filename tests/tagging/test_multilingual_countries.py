"""Countries in non-English text, per language family: the same ISO codes whatever the
language, through inflected forms, demonyms and capitals used as actors."""

from __future__ import annotations

import pytest
from news_archive.tagging import tag_text


def countries(text: str, lang: str) -> set[str]:
    return set(tag_text(text, lang=lang).countries)


# Cyrillic, inflected (Russian, Ukrainian, Kazakh, Kyrgyz, Tajik)
@pytest.mark.parametrize("text, lang, expected", [
    ("Беженцы из Афганистана прибывают в Таджикистан, сообщили в Душанбе.", "ru",
     {"AF", "TJ"}),
    ("Москва заявила, что российские военные останутся в регионе.", "ru", {"RU"}),
    ("Переговоры Соединённых Штатов и Южной Кореи прошли во вторник.", "ru", {"US", "KR"}),
    ("Делегация Казахстана обсудила с чешскими коллегами поставки в Германию.", "ru",
     {"KZ", "CZ", "DE"}),
    ("Київ розраховує на підтримку Польщі та Литви.", "uk", {"UA", "PL", "LT"}),
    ("Қазақстанның Ресейге экспорты өсті, Ауғанстаннан импорт азайды.", "kk",
     {"KZ", "RU", "AF"}),
    ("Кыргызстандын өкмөтү Кытай менен сүйлөштү.", "ky", {"KG", "CN"}),
    ("Тоҷикистон ва Афғонистон дар бораи сарҳад гуфтугӯ карданд.", "tg", {"TJ", "AF"}),
    # Kazakh and Kyrgyz locative adjectives (-дағы / -дагы: "in Afghanistan's ...")
    ("Кездесуде Ауғанстандағы жағдай талқыланды.", "kk", {"AF"}),
    ("Министр Тажикстандагы кырдаал боюнча билдирүү жасады.", "ky", {"TJ"}),
])
def test_cyrillic_inflected(text, lang, expected):
    assert countries(text, lang) == expected


# Turkic in Latin script (Turkish apostrophe suffixes, Uzbek and Azerbaijani endings)
@pytest.mark.parametrize("text, lang, expected", [
    ("Türk heyeti Rusya'nın Ankara'daki büyükelçisiyle görüştü.", "tr", {"TR", "RU"}),
    ("ABD'li yetkililer Afganistan'dan gelen mültecileri konuştu.", "tr", {"US", "AF"}),
    ("Oʻzbekiston Rossiyaga paxta eksport qiladi, Afgʻonistondagi vaziyat muhokama qilindi.",
     "uz", {"UZ", "RU", "AF"}),
    ("Azərbaycan Gürcüstan ilə yeni layihəni müzakirə etdi.", "az", {"AZ", "GE"}),
    # Azerbaijani case endings with ə, and the genitive after a consonant (no apostrophe)
    ("Nümayəndə heyəti Türkiyədə görüşüb, sonra Rusiyaya gedib.", "az", {"TR", "RU"}),
    ("Baş nazir Gürcüstanın paytaxtında Qazaxıstandan gələn heyətlə görüşüb.", "az",
     {"GE", "KZ"}),
])
def test_turkic(text, lang, expected):
    assert countries(text, lang) == expected


# Persian and Arabic script (no capitals; Arabic clitic prefixes and nisba adjectives)
@pytest.mark.parametrize("text, lang, expected", [
    ("وزیر خارجه ایران با همتای روس خود دربارهٔ افغانستان گفت‌وگو کرد.", "fa",
     {"IR", "RU", "AF"}),
    ("مقام‌های آمریکایی و تاجیکستان دربارهٔ مرز گفت‌وگو کردند.", "fa", {"US", "TJ"}),
    ("قالت وزارة الخارجية الروسية إن الوضع بأفغانستان والولايات المتحدة مقلق.", "ar",
     {"RU", "AF", "US"}),
    ("أعلنت مصر والسعودية دعمهما للحل في اليمن.", "ar", {"EG", "SA", "YE"}),
])
def test_persian_arabic_script(text, lang, expected):
    assert countries(text, lang) == expected


# Germanic and Romance (and Polish): names, demonym adjectives, elided articles
@pytest.mark.parametrize("text, lang, expected", [
    ("Die russische Regierung und die USA sprachen über Norwegens Ölfonds.", "de",
     {"RU", "US", "NO"}),
    ("Les autorités françaises ont convoqué l'ambassadeur d'Iran.", "fr", {"FR", "IR"}),
    ("El Gobierno de México y Estados Unidos firmaron un acuerdo.", "es", {"MX", "US"}),
    ("O governo do Brasil negocia com a China e com empresas norueguesas.", "pt",
     {"BR", "CN", "NO"}),
    ("Il governo italiano ha chiesto aiuto alla Germania.", "it", {"IT", "DE"}),
    ("Prezydent Polski rozmawiał o granicy z Białorusią i Litwą.", "pl", {"PL", "BY", "LT"}),
])
def test_germanic_romance(text, lang, expected):
    assert countries(text, lang) == expected


# Unspaced scripts: substrings with katakana and Hangul boundary checks
@pytest.mark.parametrize("text, lang, expected", [
    ("日本政府は中国とロシアについて発表した。", "ja", {"JP", "CN", "RU"}),
    ("インドネシアの大統領が来日した。", "ja", {"ID"}),  # not India inside Indonesia
    ("한국과 미국은 북한 문제를 논의했다.", "ko", {"KR", "US", "KP"}),
    ("俄罗斯与美国举行会谈。", "zh", {"RU", "US"}),
])
def test_unspaced_scripts(text, lang, expected):
    assert countries(text, lang) == expected


def test_capital_named_as_place_is_no_country_reference():
    """"в Москве" only places the event; "Москва заявила" is the government acting."""
    assert countries("Выставка открылась в Москве в понедельник.", "ru") == set()
    assert countries("Москва заявила о новых мерах.", "ru") == {"RU"}


def test_common_words_and_given_names_are_not_countries():
    # "Того" (a pronoun) starts the sentence; Natalia German is a person, not Germany
    tags = tag_text("Того же мнения придерживается эксперт Наталья Герман.", lang="ru")
    assert tags.countries == []
    assert "Наталья Герман" in tags.persons
    assert countries("Bis Mitte Mai bleibt das Museum geschlossen.", "de") == set()
    assert countries("沿海地区经济增长较快。", "zh") == set()  # 海地 (Haiti) inside a word
    assert countries("Il navigatore Cristoforo Colombo partì dal porto.", "it") == set()
    assert countries("جلسه روز دوشنبه برگزار شد.", "fa") == set()  # Monday, not Dushanbe


def test_language_unknown_falls_back_to_the_script():
    # "" (the detector was unsure) and None (not detected yet): the script decides
    assert countries("Президент Узбекистана прибыл в Казахстан.", "") == {"UZ", "KZ"}
    assert countries("Президент Узбекистана прибыл в Казахстан.", None) == {"UZ", "KZ"}
    assert countries("The president of Uzbekistan arrived in Kazakhstan.", "") == {"UZ", "KZ"}
    assert countries("Делегация Таджикистана прибыла в Кабул.", "tg") >= {"TJ"}

"""Persons in non-English text per script family: Cyrillic declension, patronymics and
initials, Latin particles and hyphenated names, Arabic-script names backed by titles, Korean
actors beside the characters they play. Texts are written for this project (invented people)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from news_archive.tagging import tag_text
from news_archive.tagging.cyrillic_names import (
    given_lemma,
    patronymic,
    surname_nominative,
)
from news_archive.tagging.foreign_persons import korean_roles
from news_archive.tagging.latin_slavic_names import given_lemma as slavic_given
from news_archive.tagging.latin_slavic_names import surname_nominative as slavic_surname

SAMPLES = ROOT / "bench" / "data" / "multilingual_persons.jsonl"
HOLDOUT = ROOT / "bench" / "data" / "multilingual_persons_holdout.jsonl"


def persons(text: str, lang: str) -> list[str]:
    return tag_text(text, lang=lang).persons


def _samples() -> list[dict]:
    return [json.loads(ln) for path in (SAMPLES, HOLDOUT)
            for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


@pytest.mark.parametrize("row", _samples(), ids=lambda r: r["id"])
def test_person_samples_in_every_family(row):
    assert sorted(persons(row["text"], row["lang"])) == sorted(row["persons"])


@pytest.mark.parametrize("word, lemma", [
    ("Анной", "Анна"), ("Сергея", "Сергей"), ("Марине", "Марина"), ("Игорем", "Игорь"),
    ("Юлией", "Юлия"), ("Столом", None),
])
def test_cyrillic_given_names_back_in_the_nominative(word, lemma):
    assert given_lemma(word) == lemma


@pytest.mark.parametrize("word, expected", [
    ("Ивановича", ("Иванович", False)), ("Петровной", ("Петровна", True)),
    ("Олегівна", ("Олегівна", True)), ("Москвой", None),
])
def test_patronymics_in_any_case(word, expected):
    assert patronymic(word) == expected


def test_surnames_agree_with_the_gender_of_the_given_name():
    assert surname_nominative("Кравцовой", female=True) == "Кравцова"
    assert surname_nominative("Морозова", female=False) == "Морозов"
    assert surname_nominative("Кравцова", female=True) == "Кравцова"
    assert surname_nominative("Белинского", female=False) == "Белинский"


def test_initials_alone_are_kept_as_written():
    text = "Приказ подписал Т. Н. Горелова. Он вступает в силу с понедельника."
    assert persons(text, "ru") == ["Т. Н. Горелова"]


def test_initials_fold_into_a_full_name_with_the_same_surname():
    text = ("Министр Дмитрий Лапин выступил на форуме. Д. А. Лапин напомнил о сроках. "
            "Лапин ответил на вопросы.")
    assert persons(text, "ru") == ["Дмитрий Лапин"]


def test_a_lone_given_name_needs_a_lone_surname_of_the_same_gender():
    text = ("Ольга выросла в деревне. Ольгу знают все соседи. Петров приехал вчера. "
            "Петров уехал сегодня.")
    assert persons(text, "ru") == []  # a woman's given name and a man's surname


def test_arabic_script_name_without_any_backing_is_not_a_person():
    text = "محمد نظری امروز به شهر رفت و خرید کرد."
    assert persons(text, "fa") == []


def test_korean_character_is_not_a_person_but_the_actor_is():
    actors, characters = korean_roles("윤하늘 역을 맡은 배수정은 열연했다. 윤하늘은 결국 떠난다.")
    assert actors == {"배수정"}
    assert "윤하늘" in characters


def test_a_common_word_used_as_a_given_name_needs_a_second_mention():
    text = ("Ele falou sobre a rosa do jardim. A exposição Rosa Branca abre amanhã. "
            "A cantora Rosa Almeida canta hoje. Almeida nasceu em Recife.")
    assert persons(text, "pt") == ["Rosa Almeida"]


@pytest.mark.parametrize("word, lemma", [
    ("Donaldem", "Donald"), ("Anną", "Anna"), ("Petrem", "Petr"), ("Pavlem", "Pavel"),
    ("Janou", "Jana"), ("Anna", "Anna"), ("Stołem", None),
])
def test_polish_and_czech_given_names_back_in_the_nominative(word, lemma):
    assert slavic_given(word, {"Donald", "Anna", "Petr", "Peter", "Pavel", "Jana", "Janou"}) \
        == lemma


@pytest.mark.parametrize("surname, female, nominative", [
    ("Tuskiem", False, "Tusk"), ("Kowalskiego", False, "Kowalski"), ("Zelenským", False,
                                                                         "Zelenský"),
    ("Kowalską", True, "Kowalska"), ("Dvořákovou", True, "Dvořáková"), ("Svobodou", False,
                                                                          "Svoboda"),
])
def test_polish_and_czech_surnames_agree_with_the_given_name(surname, female, nominative):
    assert slavic_surname(surname, female) == nominative


def test_a_frequent_word_that_is_a_given_name_counts_when_never_written_in_lower_case():
    text = "Wczoraj wieczorem. Marta Lis otworzyła wystawę. Jan Wilk był obecny."
    assert sorted(persons(text, "pl")) == ["Jan Wilk", "Marta Lis"]


def test_turkic_case_suffix_after_an_apostrophe_is_not_part_of_the_name():
    text = "Sağlık Bakanı Zeynep Aydın'ın açıklaması bekleniyor. Aydın'a göre aşılar yeterli."
    assert persons(text, "tr") == ["Zeynep Aydın"]


def test_arabic_compound_given_names_and_a_title_behind_a_clitic():
    text = "اجتمع وزير النقل مع الرئيس عبد الكريم الحسني، ثم التقى بالوزير محمد علي الخطيب."
    assert sorted(persons(text, "ar")) == ["عبد الكريم الحسني", "محمد علي الخطيب"]


def test_one_surname_in_two_cases_is_one_person():
    text = "Burmistrz Paweł Sowa otworzył most. Rozmawiano o Pawle Sowie i o budżecie."
    assert persons(text, "pl") == ["Paweł Sowa"]


def test_initials_belong_to_the_surname_after_them_not_to_the_word_before():
    text = "Совещание прошло в Казани В. П. Корнилов выступил первым."
    assert persons(text, "ru") == ["В. П. Корнилов"]

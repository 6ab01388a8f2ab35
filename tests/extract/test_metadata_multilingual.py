"""Headline and publication date of text dumps in several languages: a share bar between the
headline and the article, a date line just above or below the headline, menu links that are
no headline. All samples are written for these tests (no corpus text)."""

from __future__ import annotations

from datetime import date

import pytest
from news_archive.extract.text_dump import extract_text_dump

TODAY = date(2030, 1, 1)

RU = ["Городские власти объявили о начале ремонта центрального моста, который закроют для "
      "движения на три месяца. Объезд организуют по двум соседним улицам.",
      "По словам чиновников, работы начнутся в понедельник и завершатся до конца лета. "
      "Автобусные маршруты изменят, о новых схемах расскажут на сайте мэрии.",
      "Жители прибрежных районов попросили увеличить число ночных рейсов, пока мост закрыт. "
      "В мэрии пообещали рассмотреть обращение на следующей неделе."]
IT = ["Il comune ha annunciato la riapertura della biblioteca civica dopo due anni di lavori "
      "di restauro, con nuove sale per lo studio e un archivio digitale.",
      "Secondo l'assessore alla cultura, l'edificio ospiterà anche mostre temporanee e "
      "laboratori per le scuole durante tutto l'anno scolastico.",
      "I cittadini potranno prenotare i posti a sedere tramite un'applicazione che sarà "
      "disponibile dalla prossima settimana, ha spiegato il direttore."]
JA = ["市は来月から市内の図書館の開館時間を延長すると発表しました。平日は午後九時まで利用できる"
      "ようになり、学生や会社員からの要望に応えた形です。",
      "担当者によりますと、夜間の利用者が多い駅前の分館から順に実施し、秋までにすべての館で"
      "新しい時間に切り替える予定です。",
      "市は利用状況を調べたうえで、週末の開館時間についても見直しを検討するとしています。"]


def dump(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def test_share_bar_between_headline_and_italian_article_is_skipped():
    text = dump("Home", "» Cultura", "Riapre la biblioteca civica dopo due anni di restauro",
                "1.204", "letture", "Share on Facebook", "0 Tweet about this on Twitter",
                "Pin on Pinterest", "0 Email this to someone", "Cronaca", "14 Mar 2024",
                *IT, "Commenti")
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == "Riapre la biblioteca civica dopo due anni di restauro"
    assert ex.published == "2024-03-14"


def test_menu_link_is_not_a_headline():
    text = dump("» Colonna del direttore", *IT)
    assert not extract_text_dump(text, today=TODAY).title.startswith("»")


def test_russian_date_line_below_a_sentence_case_headline():
    text = dump("Главная", "Новости", "Центральный мост закроют на ремонт до конца лета",
                "Поделиться", "5 мая 2024, 10:15", *RU)
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == "Центральный мост закроют на ремонт до конца лета"
    assert ex.published == "2024-05-05"


def test_japanese_date_on_the_line_above_the_headline():
    title = "市立図書館、来月から開館時間を延長"
    text = dump("ニュース ›", "地域 ›", f"{title} 2024-06-12", title, *JA)
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == title
    assert ex.published == "2024-06-12"


@pytest.mark.parametrize("line", ["0 Email this to someone", "Facebook Twitter WhatsApp Email"])
def test_share_lines_are_never_the_headline(line):
    assert extract_text_dump(dump(line, *IT), today=TODAY).title != line


def test_a_byline_under_the_headline_still_marks_it_as_the_headline():
    text = dump("Le Journal du Port", "Accueil | Politique | Monde",
                "La ville rouvre sa bibliothèque après deux ans de travaux", "Par Jeanne Morel",
                "NANTES, 3 avril 2024 — La ville a rouvert mardi sa bibliothèque centrale après "
                "deux ans de travaux, avec de nouvelles salles de lecture.",
                "Les horaires seront élargis le samedi, a précisé la mairie.")
    ex = extract_text_dump(text, today=TODAY)
    assert ex.title == "La ville rouvre sa bibliothèque après deux ans de travaux"


@pytest.mark.parametrize("line, iso", [
    ("Graz, 4. März 2024. Die Stadt hat am Montag einen neuen Radweg eröffnet.", "2024-03-04"),
    ("Казань, 5 мая 2024. Власти города открыли новый мост через реку.", "2024-05-05"),
])
def test_place_comma_date_full_stop_is_a_dateline(line, iso):
    from news_archive.extract.dateline import read_dateline
    d = read_dateline(line, TODAY)
    assert d is not None and d.published == iso
    assert line[d.end:].startswith(("Die", "Власти"))


def test_a_sentence_opening_with_a_date_is_no_dateline():
    from news_archive.extract.dateline import read_dateline
    assert read_dateline("On March 4, 2024. The city opened a new cycle lane.", TODAY) is None

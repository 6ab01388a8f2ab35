"""Organizations and persons in non-English text, the routing hook, and the data files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from news_archive.tagging import tag_text
from news_archive.tagging.multilingual import is_foreign

DATA = ROOT / "plugins" / "news_archive" / "tagging" / "data" / "multilingual"


def orgs(text: str, lang: str) -> dict[str, list[str]]:
    return {o.name: o.aliases for o in tag_text(text, lang=lang).organizations}


@pytest.mark.parametrize("text, lang, alias", [
    ("Генсек ООН призвал стороны к диалогу.", "ru", "ООН"),
    ("Le secrétaire général de l'ONU a appelé au calme.", "fr", "ONU"),
    ("BM Genel Sekreteri açıklama yaptı.", "tr", "BM"),
    ("Die Vereinten Nationen fordern eine Waffenruhe.", "de", "Vereinten Nationen"),
    ("سازمان ملل متحد خواستار آتش‌بس شد.", "fa", "سازمان ملل متحد"),
    ("L'Onu chiede una tregua.", "it", "Onu"),
])
def test_united_nations_in_every_language_is_one_entity(text, lang, alias):
    found = orgs(text, lang)
    assert "United Nations" in found
    assert alias in found["United Nations"]
    assert alias not in found  # the surface form is an alias, not a second organization


@pytest.mark.parametrize("text, lang, canonical", [
    ("Страны НАТО провели учения.", "ru", "NATO"),
    ("L'OTAN a renforcé sa présence.", "fr", "NATO"),
    ("Решение ЕС вступит в силу в мае.", "ru", "European Union"),
    ("La UE aprobó nuevas sanciones.", "es", "European Union"),
    ("Учения ОДКБ пройдут в Таджикистане.", "ru", "Collective Security Treaty Organization"),
    ("Kremlin, NATO'nun genişlemesini eleştirdi.", "tr", "NATO"),
])
def test_acronyms_in_other_languages(text, lang, canonical):
    assert canonical in orgs(text, lang)


@pytest.mark.parametrize("text, lang, name", [
    ("Об этом сообщила пресс-служба Министерства иностранных дел России.", "ru",
     "Министерство иностранных дел России"),
    ("Акции компании «Норникель» подорожали.", "ru", "Норникель"),
    ("Türkiye Dışişleri Bakanlığı bir açıklama yaptı.", "tr", "Türkiye Dışişleri Bakanlığı"),
    ("A Secretaria de Saúde confirmou os casos.", "pt", "Secretaria de Saúde"),
    ("Die Siemens Energy AG meldete Gewinne.", "de", "Siemens Energy"),
    ("سخنگوی وزارت امور خارجه گفت که مذاکرات ادامه دارد.", "fa", "وزارت امور خارجه"),
    ("La serie è stata prodotta da Marlow Animation a Tokyo.", "it", "Marlow Animation"),
    ("Samolot linii Northwind Airlines wylądował w Warszawie.", "pl", "Northwind Airlines"),
])
def test_organization_cue_words(text, lang, name):
    assert name in orgs(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Los Studios de cine abrieron en Madrid.", "es"),  # an article opens the sentence
    ("Die Games sind gut, viele Games kommen aus Japan.", "de"),  # German nouns: not read
])
def test_an_english_company_noun_needs_a_name_before_it(text, lang):
    assert not orgs(text, lang)


def test_latin_names_inside_other_scripts():
    found = orgs("Сериал вышел на Netflix, а канал MBC купил права.", "ru")
    assert "Netflix" in found and "MBC" in found
    assert "TV" not in orgs("Новый TV вышел в продажу.", "ru")


@pytest.mark.parametrize("text, lang, person", [
    ("Президент России Владимир Путин провёл встречу.", "ru", "Владимир Путин"),
    ("Встреча Владимира Путина и Касым-Жомарта Токаева прошла в Москве.", "ru",
     "Владимир Путин"),
    ("Интервью Полины Поризковой вышло в журнале.", "ru", "Полина Поризкова"),
    ("Роль досталась Джонни Деппу. Депп согласился сразу.", "ru", "Джонни Депп"),
    ("Segundo o ministro João Silva, a obra terminará em maio.", "pt", "João Silva"),
    ("Laut Sprecher Thomas Berger bleibt das Amt geschlossen.", "de", "Thomas Berger"),
    ("Foto von Moritz Bachmann", "de", "Moritz Bachmann"),
    ("소설가 박생강의 새 책이 나왔다. 박생강은 인터뷰에서 말했다.", "ko", "박생강"),
])
def test_persons_in_their_script_and_nominative(text, lang, person):
    assert person in tag_text(text, lang=lang).persons


@pytest.mark.parametrize("text, lang, person", [
    ("Il film è diretto dal regista Paolo Sorrentino e uscirà in autunno.", "it",
     "Paolo Sorrentino"),
    ("В фильме снялась актриса Анджелина Джоли.", "ru", "Анджелина Джоли"),
    ("Segundo o porta-voz Carlos Mendes, a reunião foi adiada.", "pt", "Carlos Mendes"),
])
def test_title_before_an_unlisted_name(text, lang, person):
    assert person in tag_text(text, lang=lang).persons


def test_no_persons_from_function_words():
    assert tag_text("Des Weiteren bietet die Firma Kurse an.", lang="de").persons == []
    assert tag_text("Il Signore degli Anelli è tornato al cinema.", lang="it").persons == []
    assert tag_text("Als Premier Solution Partner beraten wir Kunden.", lang="de").persons == []


def test_routing_keeps_english_on_the_english_tagger():
    english = "Tajikistan has appealed to Russia for help, officials in Dushanbe said."
    assert not is_foreign(english, "en")
    assert not is_foreign(english, None)
    assert not is_foreign(english, "de")  # a detector's slip on an English text
    assert tag_text(english) == tag_text(english, lang="en")
    assert is_foreign("Таджикистан обратился к России за помощью.", None)
    assert is_foreign("Die Regierung hat heute neue Regeln für die Schulen beschlossen.", "de")


def test_countries_are_the_same_codes_in_every_language():
    texts = {
        "en": "Tajikistan and Afghanistan discussed the border.",
        "ru": "Таджикистан и Афганистан обсудили границу.",
        "fa": "تاجیکستان و افغانستان دربارهٔ مرز گفت‌وگو کردند.",
        "tr": "Tacikistan ve Afganistan sınırı görüştü.",
        "de": "Tadschikistan und Afghanistan sprachen über die Grenze.",
    }
    for lang, text in texts.items():
        assert set(tag_text(text, lang=lang).countries) == {"TJ", "AF"}, lang


def test_every_multilingual_data_file_names_its_source():
    for path in sorted(DATA.iterdir()):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#"), f"{path.name} must start with a comment naming its source"


def test_curated_tables_cover_the_required_languages():
    for lang in "ru uk kk uz tg ky fa tr az de fr es pt it pl id ar".split():
        rows = (DATA / f"countries_{lang}.tsv").read_text(encoding="utf-8").splitlines()
        assert sum(1 for r in rows if r and not r.startswith("#")) >= 7, lang


def test_cldr_table_matches_babel():
    """The shipped CLDR table is what babel gives for a sample of locales."""
    pytest.importorskip("babel")
    code = (
        "import json, sys\n"
        "from news_archive.tagging.country_names import build_rows\n"
        "print(json.dumps(build_rows(['ru', 'fa', 'tr'])))\n"
    )
    env_path = str(ROOT / "plugins")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    fresh = {tuple(r) for r in json.loads(proc.stdout)}
    shipped = {tuple(ln.split("\t")) for ln in
               (DATA / "cldr_countries.tsv").read_text(encoding="utf-8").splitlines()
               if ln and not ln.startswith("#") and ln.split("\t")[0] in ("ru", "fa", "tr")}
    assert fresh == shipped, "regenerate: python -m news_archive.tagging.country_names"
    assert ("ru", "TJ", "name", "Таджикистан") in shipped
    assert ("fa", "AF", "cap", "کابل") in shipped


def test_samples_are_scored_by_the_bench_script(tmp_path, shared_dir):
    out = tmp_path / "pred.jsonl"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_entities_multilingual.py"),
                           "--samples", "--passes", "1", "--shared", str(shared_dir),
                           "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("countries"))
    assert float(line.split()[-1]) >= 0.9
    assert Path(out).exists()


@pytest.mark.parametrize("text, lang, longer, inside", [
    # a listed name ("Anadolu", an alias of Anadolu Agency) opening a name found by its form
    ("Merkez Bankası faizi sabit tuttu, Anadolu Ajansı bildirdi.", "tr",
     "Anadolu Ajansı", "Anadolu Agency"),
    # a listed name in the language ("Avrupa Birliği") inside a longer body's name
    ("Avrupa Birliği Komisyonu yeni kuralları açıkladı.", "tr",
     "Avrupa Birliği Komisyonu", "European Union"),
])
def test_a_listed_name_inside_a_longer_name_is_not_a_second_organization(
        text, lang, longer, inside):
    found = orgs(text, lang)
    assert longer in found and inside not in found


def test_a_listed_name_mentioned_on_its_own_too_is_kept():
    found = orgs("Avrupa Birliği Komisyonu açıklama yaptı. Avrupa Birliği üyeleri toplandı.",
                 "tr")
    assert {"Avrupa Birliği Komisyonu", "European Union"} <= set(found)


@pytest.mark.parametrize("text, lang, name", [
    # a ministry of two fields: the conjunction joins them
    ("Das Bundesministerium für Bildung und Forschung fördert das Projekt.", "de",
     "Bundesministerium für Bildung und Forschung"),
    ("El Ministerio de Economía y Finanzas publicó el informe.", "es",
     "Ministerio de Economía y Finanzas"),
    ("O Ministério da Ciência e Tecnologia anunciou bolsas.", "pt",
     "Ministério da Ciência e Tecnologia"),
    # elided articles inside a name
    ("La Banca d'Italia prevede una crescita debole.", "it", "Banca d'Italia"),
    ("Il Ministero dello Sviluppo Economico ha firmato un accordo.", "it",
     "Ministero dello Sviluppo Economico"),
])
def test_latin_script_names_with_conjunctions_and_elisions(text, lang, name):
    assert name in orgs(text, lang)


@pytest.mark.parametrize("text, lang, first, second", [
    ("El Ministerio de Salud y Secretaría de Educación firmaron un convenio.", "es",
     "Ministerio de Salud", "Secretaría de Educación"),
    ("El Ministerio de Salud y UNICEF lanzaron una campaña.", "es",
     "Ministerio de Salud", "United Nations Children's Fund"),
])
def test_a_conjunction_before_another_body_ends_the_name(text, lang, first, second):
    found = orgs(text, lang)
    assert first in found and second in found


def test_a_conjunction_before_a_person_ends_the_name():
    text = "El Ministerio de Salud y María López, la portavoz, explicaron el plan."
    assert "Ministerio de Salud" in orgs(text, "es")
    assert "María López" in tag_text(text, lang="es").persons


@pytest.mark.parametrize("text, lang, name", [
    ("Le ministère de l'Économie a annoncé un plan de soutien.", "fr",
     "Ministère de l'Économie"),
    ("Il ministero della Salute ha pubblicato i dati settimanali.", "it",
     "Ministero della Salute"),
])
def test_a_ministry_in_lower_case_running_text_is_found_and_capitalised(text, lang, name):
    assert name in orgs(text, lang)


def test_a_ministry_without_its_field_is_no_name():
    assert orgs("Le ministère a confirmé la nouvelle lundi soir.", "fr") == {}


def test_english_names_are_whole_latin_words():
    """"Armées" holds no "Arm" (Arm Holdings); a name written next to another script is
    still one ("Amazonで")."""
    assert "Arm Holdings" not in orgs("Le ministère des Armées a confirmé l'envoi.", "fr")
    assert "Amazon" in orgs("Amazonで本を買いました。", "ja")

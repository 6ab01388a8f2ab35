"""The one country table: ISO codes, display names, regions and ISO names, read by the tagger,
the entity pages and the structured data alike."""

from __future__ import annotations

from news_archive import countries
from news_archive.site.linked_data import country_aliases, country_name
from news_archive.tagging import tag_text


def test_table_has_every_iso_country_with_region_and_names() -> None:
    table = countries.table()
    assert len(table) >= 249 and "XK" in table
    ru = table["RU"]
    assert (ru.name, ru.alpha3, ru.region, ru.subregion) == ("Russia", "RUS", "Europe",
                                                             "Eastern Europe")
    assert "Russian Federation" in ru.iso_names
    assert all(info.region in countries.REGION_ORDER for info in table.values())
    assert countries.lookup("russia") is ru and countries.lookup("ru") is ru


def test_site_and_tagger_read_the_same_table() -> None:
    assert country_name("RU") == "Russia"
    assert set(country_aliases("RU")) == {"RUS", "Russian Federation"}
    # The tagger matches ISO's names from the same table ("Russian Federation" -> RU).
    assert "RU" in tag_text("The Russian Federation said on Monday it would reply.").countries

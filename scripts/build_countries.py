"""Generates the one country table, `plugins/news_archive/data/countries.tsv`.

Columns: ISO 3166-1 alpha-2 code, alpha-3 code, display name, UN M49 region, sub-region, and
ISO's names ("|"-separated: name, official name, common name). The tagger reads the ISO names,
the site the display names and regions.

Sources: codes and names from pycountry (ISO 3166-1), plus XK (Kosovo, a user-assigned code in
common use); M49 groupings transcribed from
the UN Statistics Division "Standard country or area codes for statistical use (M49)"
(https://unstats.un.org/unsd/methodology/m49/); short display names curated here, following
common newsroom usage ("Russia", "Syria", "Kosovo"). TW and XK have no M49 entry and are
placed by geography. Run: python scripts/build_countries.py
"""

from __future__ import annotations

from pathlib import Path

import pycountry

# Region -> sub-region (Sub-Saharan Africa and Latin America use M49 intermediate regions).
M49: dict[str, dict[str, str]] = {
    "Africa": {
        "Northern Africa": "DZ EG LY MA SD TN EH",
        "Eastern Africa": "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
        "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
        "Southern Africa": "BW SZ LS NA ZA",
        "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    },
    "Americas": {
        "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC "
                     "SX TT TC VI",
        "Central America": "BZ CR SV GT HN MX NI PA",
        "South America": "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
        "Northern America": "BM CA GL PM US",
    },
    "Asia": {
        "Central Asia": "KZ KG TJ TM UZ",
        "Eastern Asia": "CN HK MO KP JP MN KR TW",
        "South-eastern Asia": "BN KH ID LA MY MM PH SG TH TL VN",
        "Southern Asia": "AF BD BT IN IR MV NP PK LK",
        "Western Asia": "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    },
    "Europe": {
        "Eastern Europe": "BY BG CZ HU PL MD RO RU SK UA",
        "Northern Europe": "AX DK EE FO FI GG IS IE IM LV LT NO SJ SE GB JE",
        "Southern Europe": "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK",
        "Western Europe": "AT BE FR DE LI LU MC NL CH",
    },
    "Oceania": {
        "Australia and New Zealand": "AU CX CC HM NZ NF",
        "Melanesia": "FJ NC PG SB VU",
        "Micronesia": "GU KI MH FM NR MP PW UM",
        "Polynesia": "AS CK PF NU PN WS TK TO TV WF",
    },
    "Antarctica": {"Antarctica": "AQ"},
}

# Short names as used in news copy, where ISO's name is long, formal or "Name, Qualifier".
SHORT_NAMES = {
    "BO": "Bolivia", "BN": "Brunei", "BQ": "Caribbean Netherlands", "CD": "DR Congo",
    "CG": "Republic of the Congo", "CV": "Cape Verde", "CZ": "Czech Republic",
    "FK": "Falkland Islands", "FM": "Micronesia", "GB": "United Kingdom",
    "HM": "Heard and McDonald Islands", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
    "LA": "Laos", "MD": "Moldova", "MF": "Saint Martin", "MO": "Macau", "PS": "Palestine",
    "RU": "Russia", "SH": "Saint Helena", "SX": "Sint Maarten", "SY": "Syria",
    "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania", "UM": "US Minor Outlying Islands",
    "US": "United States", "VA": "Vatican City", "VE": "Venezuela", "VG": "British Virgin Islands",
    "VI": "US Virgin Islands", "VN": "Vietnam", "XK": "Kosovo", "CI": "Côte d'Ivoire",
    "SZ": "Eswatini", "MK": "North Macedonia", "GS": "South Georgia", "CC": "Cocos Islands",
}


def iso_names(c) -> list[str]:
    """ISO's name, official name and common name of a pycountry country (those it has)."""
    names = [c.name]
    for attr in ("official_name", "common_name"):
        value = getattr(c, attr, None)
        if value and value not in names:
            names.append(value)
    return names


def rows() -> list[tuple[str, ...]]:
    """(code, alpha-3, name, region, sub-region, ISO names) for every ISO 3166-1 country + XK."""
    where = {code: (region, sub) for region, subs in M49.items()
             for sub, codes in subs.items() for code in codes.split()}
    codes = {c.alpha_2: c for c in pycountry.countries}
    out = []
    for code in sorted(set(codes) | {"XK"}):
        c = codes.get(code)
        name = SHORT_NAMES.get(code) or getattr(c, "common_name", None) or c.name
        assert "," not in name and "(" not in name, (code, name)
        region, sub = where[code]  # KeyError: a new ISO code needs an M49 entry above
        if c is None:  # XK
            alpha3, names = "XKX", ["Kosovo", "Republic of Kosovo"]
        else:
            alpha3, names = c.alpha_3, iso_names(c)
        out.append((code, alpha3, name, region, sub, "|".join(names)))
    return out


def main() -> None:
    path = Path(__file__).resolve().parents[1] / "plugins/news_archive/data/countries.tsv"
    header = "".join("# " + ln + "\n" for ln in (__doc__ or "").strip().splitlines())
    lines = ["\t".join(r) for r in rows()]
    version = f"# Generated with pycountry {getattr(pycountry, '__version__', '?')}.\n"
    columns = "# code\talpha3\tname\tregion\tsub-region\tISO names\n"
    path.write_text(header + version + columns + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} countries to {path}")


if __name__ == "__main__":
    main()

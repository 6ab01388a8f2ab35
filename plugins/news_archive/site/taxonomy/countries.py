"""Country display names and UN M49 regions, from the curated `data/countries.tsv`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...datafiles import read_rows

REGION_ORDER = ("Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica", "Other")


@dataclass(frozen=True)
class CountryInfo:
    code: str
    name: str
    region: str
    subregion: str


@lru_cache(maxsize=1)
def table() -> dict[str, CountryInfo]:
    """ISO alpha-2 code (upper case) -> CountryInfo."""
    out: dict[str, CountryInfo] = {}
    for code, name, region, sub in read_rows("site/taxonomy", "countries.tsv", (4, 4)):
        out[code] = CountryInfo(code, name, region, sub)
    return out


@lru_cache(maxsize=1)
def by_name() -> dict[str, CountryInfo]:
    """Lower-cased display name -> CountryInfo (for headers that carry names, not codes)."""
    return {info.name.lower(): info for info in table().values()}


def lookup(value: str) -> CountryInfo | None:
    """A header value (ISO code or display name) -> CountryInfo, or None when unknown."""
    value = value.strip()
    return table().get(value.upper()) or by_name().get(value.lower())

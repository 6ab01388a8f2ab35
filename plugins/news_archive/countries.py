"""The one country table (`data/countries.tsv`, made by `scripts/build_countries.py`).

ISO 3166-1 codes with their alpha-3 code, the display name used in news copy, UN M49 region and
sub-region, and ISO's own names. The tagger matches ISO's names; the site shows display names
and groups countries by region.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_rows

REGION_ORDER = ("Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica", "Other")


@dataclass(frozen=True)
class CountryInfo:
    code: str
    name: str
    region: str
    subregion: str
    alpha3: str = ""
    iso_names: tuple[str, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other names of the country: alpha-3 code, ISO's names other than the display name."""
        others = (self.alpha3, *self.iso_names[1:], *self.iso_names[:1])
        return tuple(dict.fromkeys(a for a in others if a and a != self.name))


@lru_cache(maxsize=1)
def table() -> dict[str, CountryInfo]:
    """ISO alpha-2 code (upper case) -> CountryInfo."""
    out: dict[str, CountryInfo] = {}
    for code, alpha3, name, region, sub, names in read_rows("", "countries.tsv", (6, 6)):
        out[code] = CountryInfo(code, name, region, sub, alpha3, tuple(names.split("|")))
    return out


@lru_cache(maxsize=1)
def by_name() -> dict[str, CountryInfo]:
    """Lower-cased display name -> CountryInfo (for headers that carry names, not codes)."""
    return {info.name.lower(): info for info in table().values()}


def lookup(value: str) -> CountryInfo | None:
    """A header value (ISO code or display name) -> CountryInfo, or None when unknown."""
    value = value.strip()
    return table().get(value.upper()) or by_name().get(value.lower())

"""Country display names and UN M49 regions, from the curated `data/countries.tsv`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "countries.tsv"
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
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, name, region, sub = line.split("\t")
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

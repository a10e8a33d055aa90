"""`sitrep geoparse` and `sitrep gazetteer` (placeholder; the geo work fills these in)."""

from __future__ import annotations

import json

import click

from sitrep.ingest import read_documents


def geoparse_files(inputs, out: str) -> None:
    from sitrep.geo.geoparse import geoparse

    with open(out, "w", encoding="utf-8") as f:
        for doc in read_documents(inputs, lambda rec: click.echo(f"sitrep: skipped {rec.record}: {rec.reason}", err=True)):
            for t in geoparse(doc):
                p = t.place
                f.write(json.dumps({"doc_id": doc.id, "start": t.span.start, "end": t.span.end, "text": t.span.text,
                                    "name": p.name if p else None, "geonameid": p.geonameid if p else None,
                                    "lat": p.latitude if p else None, "lon": p.longitude if p else None,
                                    "country_code": p.country_code if p else None, "admin1": p.admin1 if p else None,
                                    "score": t.score}, ensure_ascii=False) + "\n")


@click.group()
def gazetteer() -> None:
    """Build or import the gazetteer."""

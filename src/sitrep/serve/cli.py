"""`sitrep serve` (placeholder; the serve work fills it in)."""

from __future__ import annotations

import click


@click.command()
@click.option("--db", default="sitrep.db", show_default=True, help="SQLite file or database URL.")
def serve(db: str) -> None:
    """HTTP API, dashboard and review queue."""
    raise click.ClickException("not built yet")

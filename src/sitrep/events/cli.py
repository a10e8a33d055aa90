"""`sitrep train` (placeholder; the events work fills it in)."""

from __future__ import annotations

import click


@click.command()
@click.option("--acled", type=click.Path(exists=True), help="An ACLED export (CSV) to learn from.")
def train(acled: str | None) -> None:
    """Train the event classifier."""
    raise click.ClickException("not built yet")

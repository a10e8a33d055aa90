"""The `sitrep` command: run, geoparse, export, evaluate, and the stages' own commands."""

from __future__ import annotations

import os
import sys

import click

from sitrep import __version__

DEFAULT_DB = "sitrep.db"


class _OneLineErrors(click.Group):
    """Unusable input or a wrong call ends the command with a one-line reason on stderr."""

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.ClickException as e:  # a usage error: unknown option, missing file...
            click.echo(f"sitrep: error: {e.format_message()}", err=True)
            sys.exit(e.exit_code)
        except click.exceptions.Abort:
            click.echo("sitrep: aborted", err=True)
            sys.exit(1)
        except (FileNotFoundError, ValueError, OSError, ImportError) as e:
            click.echo(f"sitrep: error: {e}", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_OneLineErrors)
@click.version_option(__version__, prog_name="sitrep")
def main() -> None:
    """sitrep: news reports in, an ACLED-style event dataset out."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file or database URL.")
@click.option("--out", type=click.Path(), help="Write the events: .csv, .jsonl, .geojson or .parquet.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS|local",
              help="Process on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'.")
@click.option("--partitions", type=int, default=None, help="With --dask: number of partitions (default 4 per worker).")
@click.option("--scope", type=click.Choice(["all", "acled"]), default="all", show_default=True,
              help="'acled' keeps ACLED's scope only: no violent crime without a political actor.")
def run(inputs: tuple[str, ...], db: str, out: str | None, quiet: bool, dask_address: str | None,
        partitions: int | None, scope: str) -> None:
    """Ingest, extract, geocode, merge and store INPUT files or folders; write --out."""
    _check_named_model()
    if out:
        _check_out(out)
    if dask_address:
        from sitrep.scale import run_distributed

        summary = run_distributed(inputs, db=db, scheduler=dask_address, partitions=partitions,
                                  out=out, progress=not quiet, scope=scope)
    else:
        from sitrep.pipeline import run as run_pipeline

        summary = run_pipeline(inputs, db=db, out=out, progress=not quiet, scope=scope)
    for line in summary.lines():
        click.echo(line, err=True)
    if summary.read == 0:
        click.echo("sitrep: error: no usable document in the input", err=True)
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", required=True, type=click.Path(), help="JSONL file, one line per place name.")
@click.option("--demonyms", is_flag=True, help="Also write nationality words (\"Syrian\") as their country.")
def geoparse(inputs: tuple[str, ...], out: str, demonyms: bool) -> None:
    """Only find and resolve place names in INPUT; write one JSON line per place name."""
    from sitrep.geo.cli import geoparse_files

    geoparse_files(inputs, out, demonyms=demonyms)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file or database URL.")
@click.option("--out", required=True, type=click.Path(), help=".csv, .jsonl, .geojson or .parquet")
@click.option("--all", "include_all", is_flag=True, help="Also events without a month-level date or a region.")
def export(db: str, out: str, include_all: bool) -> None:
    """Write what the database holds."""
    from sitrep import export as exporter
    from sitrep.store import Store

    store = Store(db, create=False)
    n = exporter.write(store.iter_events(), out, include_all=include_all)
    store.close()
    click.echo(f"events written: {n}", err=True)


@main.command()
@click.argument("set_name", metavar="SET", type=click.Choice(["acled", "case2021", "gva", "geoparse"]))
@click.option("--gold", required=True, type=click.Path(exists=True), help="The gold file or folder.")
@click.option("--limit", type=int, default=None, help="Score only the first N gold items.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(set_name: str, gold: str, limit: int | None, as_json: bool) -> None:
    """Score sitrep against a gold set (see ../shared/data/README.md)."""
    from sitrep.evaluate import score

    _check_named_model()
    report = score(set_name, gold, limit=limit)
    click.echo(report.to_json() if as_json else report.table())


def _check_out(out: str) -> None:
    """An --out sitrep cannot write is refused before the run, not after every document was read."""
    from sitrep.export.write import check_path

    try:
        check_path(out)
    except ValueError as e:
        raise click.UsageError(str(e)) from None


def _check_named_model() -> None:
    """A model file named by SITREP_MODEL that cannot be read stops the command here, with one line
    naming it, rather than failing every document of the run one by one."""
    if os.environ.get("SITREP_MODEL"):
        from sitrep.events.train import load_model

        load_model()  # (ValueError naming the file)


def _register_stage_commands() -> None:
    """Commands that belong to one stage live with it."""
    from sitrep.events.cli import train
    from sitrep.geo.cli import gazetteer
    from sitrep.serve.cli import serve

    main.add_command(gazetteer)
    main.add_command(train)
    main.add_command(serve)


_register_stage_commands()

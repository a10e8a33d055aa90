"""`sitrep train`: build the event classifier from the shipped corpus and, optionally, an ACLED export."""

from __future__ import annotations

import sys
import time

import click


@click.command()
@click.option("--acled", type=click.Path(exists=True, dir_okay=False),
              help="An ACLED export (CSV with `notes` and `sub_event_type`) to learn from, with the shipped corpus.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Where to write the model (default: ./sitrep-event-model.joblib with --acled, "
                   "else the cache file classify() uses by default).")
@click.option("--cap", type=int, default=None, help="At most this many ACLED notes per sub-event type.")
def train(acled: str | None, out: str | None, cap: int | None) -> None:
    """Train the event classifier and write it to a file.

    Point classify() at the file with the SITREP_MODEL environment variable:
    `SITREP_MODEL=model.joblib sitrep run ...`.
    """
    from sitrep.events import train as trainer

    started = time.perf_counter()
    extra = trainer.acled_examples(acled, **({"cap": cap} if cap else {})) if acled else []
    if acled and not extra:
        raise click.ClickException(f"{acled}: no row with both notes and a known sub_event_type")
    model = trainer.train(extra)
    path = out or ("sitrep-event-model.joblib" if acled else str(trainer.default_model_path()))
    trainer.save(model, path)
    click.echo(f"trained on {len(extra)} ACLED notes + the shipped corpus, {len(model.labels)} labels, "
               f"in {time.perf_counter() - started:.1f} s", err=True)
    click.echo(f"model written to {path}; use it with SITREP_MODEL={path}", err=True)
    sys.stdout.flush()

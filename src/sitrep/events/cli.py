"""`sitrep train`: build the event classifier from the shipped corpus and, optionally, an ACLED export."""

from __future__ import annotations

import time

import click


@click.command()
@click.option("--acled", type=click.Path(exists=True, dir_okay=False),
              help="An ACLED export (CSV with `notes` and `sub_event_type`) to learn from, with the shipped corpus.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Where to write the model (default: ./sitrep-event-model.joblib with --acled, "
                   "else the cache file classify() uses by default).")
@click.option("--cap", type=click.IntRange(min=1), default=None,
              help="At most this many ACLED notes per sub-event type (default 600), so that the most "
                   "frequent types do not swamp the rest.")
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
    source = f"{len(extra)} ACLED notes + the shipped corpus" if acled else "the shipped corpus"
    click.echo(f"trained on {source}, {len(model.labels)} labels, in {time.perf_counter() - started:.1f} s", err=True)
    click.echo(f"model written to {path}; use it with SITREP_MODEL={path}", err=True)

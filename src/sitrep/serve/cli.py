"""`sitrep serve`: the HTTP API, dashboard and review queue over a database."""

from __future__ import annotations

import click


@click.command()
@click.option("--db", default="sitrep.db", show_default=True, help="SQLite file or database URL.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", envvar="SITREP_TOKEN", default="",
              help="Token for ingest and review (Bearer header or login form). Default: a random one, printed.")
@click.option("--tiles", envvar="SITREP_TILES", default="",
              help="Map tile URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png. Default: no tiles "
                   "(points on a latitude/longitude grid, no network).")
@click.option("--tiles-attribution", envvar="SITREP_TILES_ATTRIBUTION", default="", help="Credit line for the tiles.")
@click.option("--private", is_flag=True, help="Reading needs a login or the token too.")
@click.option("--no-cache", is_flag=True, help="Compute every answer afresh (by default answers to event lists, "
              "timelines and facets are kept until the data changes).")
@click.option("--no-memory-index", is_flag=True, help="Filter and sort event lists in SQL only (by default an "
              "in-memory column index of the events answers them while the data is unchanged).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes sharing the port (more requests per second on several cores; each keeps "
                   "its own response cache).")
def serve(db: str, host: str, port: int, token: str, tiles: str, tiles_attribution: str, private: bool,
          no_cache: bool, no_memory_index: bool, workers: int) -> None:
    """HTTP API, dashboard and review queue."""
    import dataclasses
    import json
    import os
    import secrets

    import uvicorn

    from sitrep.serve.app import CONFIG_ENV, ServeConfig, create_app
    from sitrep.serve.vendor import INSTALL_HINT, leaflet_dir

    # One token and one cookie secret for every worker: a login on one is valid on the others.
    config = ServeConfig(db=db, token=token or secrets.token_urlsafe(18), tiles=tiles,
                         tiles_attribution=tiles_attribution, private=private, secret=secrets.token_hex(32),
                         cache=not no_cache, memory_index=not no_memory_index)
    app = create_app(config)  # opens (creates, migrates) the database once, and fails here if it cannot
    if not token:
        click.echo(f"sitrep: write token for this run (login form or 'Authorization: Bearer'): {config.token}",
                   err=True)
    if leaflet_dir() is None:
        click.echo(f"sitrep: warning: {INSTALL_HINT}", err=True)
    click.echo(f"sitrep: serving {db} on http://{host}:{port}/ (API docs at /docs)"
               + (f" with {workers} worker processes" if workers > 1 else ""), err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    app.state.store.close()
    os.environ[CONFIG_ENV] = json.dumps(dataclasses.asdict(config))
    uvicorn.run("sitrep.serve.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="warning")

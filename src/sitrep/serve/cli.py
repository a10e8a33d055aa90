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
def serve(db: str, host: str, port: int, token: str, tiles: str, tiles_attribution: str, private: bool,
          no_cache: bool) -> None:
    """HTTP API, dashboard and review queue."""
    import uvicorn

    from sitrep.serve.app import ServeConfig, create_app
    from sitrep.serve.vendor import INSTALL_HINT, leaflet_dir

    config = ServeConfig(db=db, token=token, tiles=tiles, tiles_attribution=tiles_attribution, private=private,
                         cache=not no_cache)
    app = create_app(config)
    if not token:
        click.echo(f"sitrep: write token for this run (login form or 'Authorization: Bearer'): {config.token}",
                   err=True)
    if leaflet_dir() is None:
        click.echo(f"sitrep: warning: {INSTALL_HINT}", err=True)
    click.echo(f"sitrep: serving {db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

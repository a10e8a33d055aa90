"""Where the dashboard's Leaflet and the API docs' Swagger UI are: copied into the package by `npm install`.

`npm install` at the repository root runs package.json's postinstall, which copies
node_modules/leaflet/dist to serve/static/vendor/leaflet. In a source checkout where that copy is
missing, node_modules itself is used. Without either, the dashboard still lists and filters
events and /docs links to /openapi.json, and both pages say how to get the rest. Never a CDN.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
REPO = HERE.parents[2]  # src/sitrep/serve -> the source checkout, where node_modules is
INSTALL_HINT = "the map needs Leaflet: run `npm install` in the sitrep source folder, then restart `sitrep serve`"
DOCS_HINT = "the interactive API docs need Swagger UI: run `npm install` in the sitrep source folder"


def _first_with(files: tuple[str, ...], *candidates: Path) -> Path | None:
    for folder in candidates:
        if all((folder / f).is_file() for f in files):
            return folder
    return None


@lru_cache(maxsize=1)
def leaflet_dir() -> Path | None:
    return _first_with(("leaflet.js", "leaflet.css"), HERE / "static" / "vendor" / "leaflet",
                       REPO / "node_modules" / "leaflet" / "dist")


@lru_cache(maxsize=1)
def swagger_dir() -> Path | None:
    """Swagger UI for /docs, from the same npm install."""
    return _first_with(("swagger-ui-bundle.js", "swagger-ui.css"), HERE / "static" / "vendor" / "swagger-ui",
                       REPO / "node_modules" / "swagger-ui-dist")

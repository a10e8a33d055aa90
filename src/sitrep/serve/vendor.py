"""Where the dashboard's Leaflet files are: copied into the package by `npm install`, never a CDN.

`npm install` at the repository root runs package.json's postinstall, which copies
node_modules/leaflet/dist to serve/static/vendor/leaflet. In a source checkout where that copy is
missing, node_modules itself is used. Without either, the dashboard still lists and filters
events, and says on the page how to get the map.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
INSTALL_HINT = "the map needs Leaflet: run `npm install` in the sitrep source folder, then restart `sitrep serve`"


@lru_cache(maxsize=1)
def leaflet_dir() -> Path | None:
    candidates = [HERE / "static" / "vendor" / "leaflet",
                  HERE.parents[2] / "node_modules" / "leaflet" / "dist"]  # src/sitrep/serve -> repo root
    for folder in candidates:
        if (folder / "leaflet.js").is_file() and (folder / "leaflet.css").is_file():
            return folder
    return None

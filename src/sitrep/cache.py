"""Where sitrep keeps what it builds on first use (the gazetteer index, the event model)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path:
    """$SITREP_CACHE_DIR, else ~/.cache/sitrep."""
    return Path(os.environ.get("SITREP_CACHE_DIR") or Path.home() / ".cache" / "sitrep")


def announce_build(what: str) -> None:
    """Tell the user on stderr why the first run pauses: nothing is downloaded, it is built here."""
    print(f"sitrep: building {what} on first use; it is cached in {cache_dir()}", file=sys.stderr)

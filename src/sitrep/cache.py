"""Where sitrep keeps what it builds on first use (the gazetteer index, the event model)."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path


def cache_dir() -> Path:
    """$SITREP_CACHE_DIR, else ~/.cache/sitrep."""
    return Path(os.environ.get("SITREP_CACHE_DIR") or Path.home() / ".cache" / "sitrep")


def announce_build(what: str) -> None:
    """Tell the user on stderr why the first run pauses: nothing is downloaded, it is built here."""
    print(f"sitrep: building {what} on first use; it is cached in {cache_dir()}", file=sys.stderr)


def content_key(*parts: bytes, files=()) -> str:
    """A short key of what a cached artefact is built from: `parts` (versions) and each existing
    file's name and bytes, in the order given."""
    h = hashlib.sha1()
    for part in parts:
        h.update(part)
    for f in files:
        if f.is_file():
            h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:12]


def keep_only(path: Path, pattern: str) -> None:
    """Remove the other cache files matching `pattern` beside `path`: built from earlier data or
    code, they are never read again."""
    for old in path.parent.glob(pattern):
        if old != path:
            old.unlink(missing_ok=True)

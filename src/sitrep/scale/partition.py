"""Split a corpus into partitions of similar size: whole files, and line ranges of large JSONL files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Piece:
    """A file, or the lines [first, stop) of a JSONL file (1-based, as ingest numbers them)."""

    path: str
    first: int = 1
    stop: int | None = None  # None: to the end of the file

    @property
    def whole(self) -> bool:
        return self.first == 1 and self.stop is None


@dataclass(frozen=True)
class Partition:
    """The pieces one worker reads and processes, in corpus order."""

    number: int
    pieces: tuple[Piece, ...]


def input_files(inputs: Iterable[str | Path]) -> list[Path]:
    """Files of the inputs in the order `ingest` reads them, passing over what it passes over."""
    try:  # ingest's own listing, so that a folder means the same files on Dask as in `sitrep run`
        from sitrep.ingest.readers import _files as ingest_files
    except ImportError:
        ingest_files = _folder_files
    out: list[Path] = []
    for inp in inputs:
        path = Path(inp)
        # A missing path is kept: the worker that reads it reports it, as `sitrep run` does.
        out.extend(ingest_files(path) if path.is_dir() else [path])
    return out


def _folder_files(path: Path) -> list[Path]:
    found = [p for p in path.rglob("*")
             if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)]
    return sorted(found, key=lambda p: p.relative_to(path).as_posix())


def _line_count(path: Path) -> int:
    with path.open("rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) + 1


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def partition(inputs: Iterable[str | Path], n: int) -> list[Partition]:
    """At most `n` partitions of roughly equal bytes, keeping corpus order within and across them.

    A JSONL file bigger than one partition's share is cut into line ranges; other files stay whole.
    """
    n = max(1, n)
    files = input_files(inputs)
    total = sum(_size(f) for f in files) or 1
    share = max(1, total // n)
    pieces: list[tuple[Piece, int]] = []
    for f in files:
        size = _size(f)
        if f.suffix.lower() in JSONL_SUFFIXES and size > share:
            lines = _line_count(f)
            parts = -(-size // share)
            step = max(1, -(-lines // parts))
            for first in range(1, lines + 1, step):
                stop = first + step
                pieces.append((Piece(str(f), first, stop if stop <= lines else None), size * step // lines))
        else:
            pieces.append((Piece(str(f)), size))
    groups: list[list[Piece]] = [[]]
    filled = 0
    for piece, size in pieces:
        if groups[-1] and filled + size > share and len(groups) < n:
            groups.append([])
            filled = 0
        groups[-1].append(piece)
        filled += size
    return [Partition(i, tuple(g)) for i, g in enumerate(groups) if g]

"""Read the nlp stage's data files (the YAML lexicons in nlp/data/) for the modules that build on them."""

from __future__ import annotations

from pathlib import Path

from sitrep import data_files

DATA = Path(__file__).parent / "data"


def read_yaml(name: str):
    """The parsed contents of nlp/data/<name>."""
    return data_files.read_yaml(DATA / name)

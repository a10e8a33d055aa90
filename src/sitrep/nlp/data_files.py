"""Read the nlp stage's data files (the YAML lexicons in nlp/data/) for the modules that build on them.

Each module caches what it builds from a file (compiled patterns, tables) itself; this reader only
finds the file, parses it and names the file in the error when it is missing or is not valid YAML.
"""

from __future__ import annotations

from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser, when built in, loads 10x faster


def read_yaml(name: str):
    """The parsed contents of nlp/data/<name>."""
    path = DATA / name
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=_LOADER)
    except FileNotFoundError:
        raise FileNotFoundError(f"sitrep nlp data file missing: {path}") from None
    except yaml.YAMLError as e:
        raise ValueError(f"sitrep nlp data file {path} is not valid YAML: {e}") from e

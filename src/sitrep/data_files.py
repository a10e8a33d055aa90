"""Read sitrep's YAML data files (lexicons, taxonomies, rules), naming the file when one is broken.

Every stage keeps its data in a `data/` folder beside its modules and caches what it builds from a
file itself; this reader only parses the file, with libyaml's parser when it is built in (about ten
times faster), and turns a missing or malformed file into an error that says which file it is.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(_BASE):
    """YAML 1.2's booleans: only true and false. YAML 1.1 also reads no, yes, on, off, y and n as
    booleans, and sitrep's lists hold those as words and country codes ("NO" is Norway)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_LOADER = _Loader


def read_yaml(path: str | Path):
    """The parsed contents of the YAML file at `path`."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=_LOADER)
    except FileNotFoundError:
        raise FileNotFoundError(f"sitrep data file missing: {path}") from None
    except yaml.YAMLError as e:
        raise ValueError(f"sitrep data file {path} is not valid YAML: {e}") from e

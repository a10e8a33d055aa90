"""Shared test fixtures: where ../shared/data is, and a skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("SITREP_SHARED_DATA", REPO.parent / "shared" / "data"))
EXAMPLES = REPO / "examples"


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or a skip with the reason when it is not beside the repository."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"gold data not found at {SHARED_DATA} (set SITREP_SHARED_DATA or put shared/ beside the repo)")
    return SHARED_DATA

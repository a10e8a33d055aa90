"""scale: the same pipeline over partitions of a corpus on Dask (`run_distributed`)."""

from sitrep.scale.run import run_distributed  # noqa: F401

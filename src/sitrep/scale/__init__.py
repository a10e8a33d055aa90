"""scale: the same pipeline over partitions of a corpus on Dask."""

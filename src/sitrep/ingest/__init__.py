"""ingest: files, folders, JSONL, HTML, feeds and WARC to Documents; duplicates dropped."""

from sitrep.ingest.readers import read_documents  # noqa: F401
from sitrep.ingest.dedup import Deduplicator  # noqa: F401

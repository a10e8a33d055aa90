"""store: Documents and Events in SQL (SQLite by default, PostgreSQL by URL)."""

from sitrep.store.store import Store  # noqa: F401

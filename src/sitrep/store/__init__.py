"""store: Documents and Events in SQL (SQLite by default, PostgreSQL by URL); schema in `schema.py`."""

from sitrep.store.engine import database_url  # noqa: F401
from sitrep.store.store import Store  # noqa: F401

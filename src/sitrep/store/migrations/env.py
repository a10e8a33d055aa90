"""Alembic environment: migrate the connection the Store hands over, or the URL in alembic's config."""

from __future__ import annotations

from functools import partial

from alembic import context
from sqlalchemy import create_engine

from sitrep.store.schema import metadata, on_this_engine

config = context.config


def _migrate(connection) -> None:
    # Batch mode lets the same revisions alter tables on SQLite, which cannot ALTER most things.
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True,
                      include_object=partial(on_this_engine, dialect=connection.dialect.name))
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif config.attributes.get("connection") is not None:
    _migrate(config.attributes["connection"])
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _migrate(conn)
    engine.dispose()

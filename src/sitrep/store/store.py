"""The Store: Documents and Events in one SQL database, through SQLAlchemy (first version: events as JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Column, Date, MetaData, String, Table, Text, create_engine, select
from sqlalchemy.engine import Engine

from sitrep.model import Document, Event, Mention
from sitrep.store.codec import event_from_dict, event_to_dict

metadata = MetaData()
documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),
    Column("content_hash", String, index=True, nullable=False),
    Column("url", Text), Column("title", Text), Column("source", Text),
    Column("published", Date), Column("language", String), Column("text", Text, nullable=False),
)
events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    Column("event_date", Date, index=True),
    Column("record", Text, nullable=False),
)


def database_url(db: str) -> str:
    """A path becomes a SQLite URL; a URL is kept."""
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


class Store:
    def __init__(self, db: str, create: bool = True) -> None:
        if not create and "://" not in db and not Path(db).exists():
            raise FileNotFoundError(f"no database at {db}")
        self.engine: Engine = create_engine(database_url(db))
        metadata.create_all(self.engine)

    def already_stored(self, doc: Document) -> str | None:
        with self.engine.connect() as c:
            row = c.execute(select(documents.c.id).where(
                (documents.c.id == doc.id) | (documents.c.content_hash == doc.content_hash))).first()
        return f"already in the database as {row.id}" if row else None

    def candidate_events(self, mentions: Iterable[Mention]) -> list[Event]:
        return self.events()

    def events(self) -> list[Event]:
        with self.engine.connect() as c:
            return [event_from_dict(json.loads(r.record)) for r in c.execute(select(events.c.record))]

    def save(self, docs: list[Document], evs: list[Event]) -> None:
        """Store documents and upsert events in one transaction."""
        with self.engine.begin() as c:
            for d in docs:
                c.execute(documents.insert().values(id=d.id, content_hash=d.content_hash, url=d.url, title=d.title,
                                                    source=d.source, published=d.published, language=d.language,
                                                    text=d.text))
            for e in evs:
                c.execute(events.delete().where(events.c.id == e.id))
                c.execute(events.insert().values(id=e.id, event_date=e.date,
                                                 record=json.dumps(event_to_dict(e), ensure_ascii=False)))

    def close(self) -> None:
        self.engine.dispose()

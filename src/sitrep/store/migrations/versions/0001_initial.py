"""Initial schema: documents, events (flat columns + JSON record), event_documents, review_log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])

    op.create_table(
        "events",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("event_date", sa.Date()),
        sa.Column("date_precision", sa.SmallInteger()),
        sa.Column("year", sa.Integer()),
        sa.Column("disorder_type", sa.Text()),
        sa.Column("event_type", sa.Text()),
        sa.Column("sub_event_type", sa.Text()),
        sa.Column("actor1", sa.Text()),
        sa.Column("assoc_actor_1", sa.Text()),
        sa.Column("inter1", sa.SmallInteger()),
        sa.Column("actor2", sa.Text()),
        sa.Column("assoc_actor_2", sa.Text()),
        sa.Column("inter2", sa.SmallInteger()),
        sa.Column("interaction", sa.SmallInteger()),
        sa.Column("civilian_targeting", sa.Boolean(), nullable=False),
        sa.Column("country", sa.Text()),
        sa.Column("country_code", sa.String(2)),
        sa.Column("admin1", sa.Text()),
        sa.Column("admin2", sa.Text()),
        sa.Column("admin3", sa.Text()),
        sa.Column("location", sa.Text()),
        sa.Column("geonameid", sa.Integer()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("geo_precision", sa.SmallInteger()),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("fatalities_low", sa.Integer()),
        sa.Column("fatalities_high", sa.Integer()),
        sa.Column("injuries", sa.Integer()),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float()),
        sa.Column("disagreement", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.Column("review_status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True)),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
        sa.Column("record", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_country_code_event_date", "events", ["country_code", "event_date"])
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_event_type_sub_event_type", "events", ["event_type", "sub_event_type"])
    op.create_index("ix_events_actor1", "events", ["actor1"])
    op.create_index("ix_events_actor2", "events", ["actor2"])
    op.create_index("ix_events_admin1", "events", ["admin1"])
    op.create_index("ix_events_review_status_confidence", "events", ["review_status", "confidence"])
    op.create_index("ix_events_updated_at", "events", ["updated_at"])

    op.create_table(
        "event_documents",
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_event_documents_event_id_events",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "doc_id", name="pk_event_documents"),
    )
    op.create_index("ix_event_documents_doc_id", "event_documents", ["doc_id"])

    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("user", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("before", sa.Text()),
        sa.Column("after", sa.Text()),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_log"),
    )
    op.create_index("ix_review_log_event_id", "review_log", ["event_id"])
    op.create_index("ix_review_log_at", "review_log", ["at"])


def downgrade() -> None:
    op.drop_table("review_log")
    op.drop_table("event_documents")
    op.drop_table("events")
    op.drop_table("documents")

"""Signalen and their append-only history.

Revision ID: 0001_signalen
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_signalen"
down_revision = None
branch_labels = None
depends_on = None

STEPS = "('nieuw', 'besproken', 'in onderzoek', 'afgerond')"
DECISIONS = "('project', 'doorverwezen', 'geen actie')"
REFUSAL = "de geschiedenis van signalen wordt alleen aangevuld, nooit gewijzigd of gewist"


def upgrade() -> None:
    op.create_table(
        "signals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("gemeente_code", sa.String(6), nullable=False, index=True),
        sa.Column("area_code", sa.String(10), nullable=False, index=True),
        sa.Column("signal_date", sa.Date, nullable=False),
        sa.Column("theme", sa.String(20), nullable=False),
        sa.Column("source_kind", sa.String(20), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("urgency", sa.String(10), nullable=False),
        sa.Column("step", sa.String(20), nullable=False),
        sa.Column("step_date", sa.Date, nullable=False),
        sa.Column("responsible", sa.String(80)),
        sa.Column("decision", sa.String(20)),
        sa.Column("reason", sa.Text),
        sa.Column("project_id", sa.String(80), index=True),
        sa.Column("archived_at", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(80), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.String(80), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.CheckConstraint(f"step IN {STEPS}", name="signals_step"),
        sa.CheckConstraint(f"decision IS NULL OR decision IN {DECISIONS}", name="signals_decision"),
        sa.CheckConstraint("version >= 1", name="signals_version"),
    )
    op.create_table(
        "signal_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("signal_id", sa.Integer, sa.ForeignKey("signals.id"), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("changed_at", sa.DateTime, nullable=False),
        sa.Column("changed_by", sa.String(80), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sa.UniqueConstraint("signal_id", "version", name="signal_history_one_row_per_version"),
    )
    # Append-only by the database itself, not only by the code that happens to use it.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION signal_history_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER signal_history_append_only BEFORE UPDATE OR DELETE ON signal_history "
            "FOR EACH ROW EXECUTE FUNCTION signal_history_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER signal_history_no_{event.lower()} BEFORE {event} ON "
                f"signal_history BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
            )


def downgrade() -> None:
    op.drop_table("signal_history")
    op.drop_table("signals")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS signal_history_append_only()")

"""What the signal store (store.py, writing) and its reader (reads.py) share: where the store is,
its newest schema version, the signal table's columns and the store's error. No database here."""

from __future__ import annotations

import os
from pathlib import Path

from data_loaders import settings

DEFAULT_FILE = settings.PROJECT_ROOT / "var" / "werkdb.sqlite"
SQLITE = "sqlite:///"
# The newest migration (tests/werkdb/test_store.py checks it against werkdb/migrations) and the
# table Alembic records it in (migrations/env.py).
HEAD = "0001_signalen"
VERSION_TABLE = "werkdb_alembic_version"
# store.signals_table's columns, in its order (a test checks they are the same).
SIGNAL_COLUMNS = [
    "id", "gemeente_code", "area_code", "signal_date", "theme", "source_kind", "description",
    "urgency", "step", "step_date", "responsible", "decision", "reason", "project_id",
    "archived_at", "created_at", "created_by", "updated_at", "updated_by", "version",
]


class StoreError(RuntimeError):
    """The store cannot be reached or written; the message says what to do."""


def store_url() -> str:
    """BUURTMONITOR_WERKDB (a SQLAlchemy URL or a file path), else the SQLite file in var/."""
    raw = os.environ.get("BUURTMONITOR_WERKDB", "").strip()
    if not raw:
        return f"{SQLITE}{DEFAULT_FILE}"
    if "://" not in raw:
        return f"{SQLITE}{Path(raw).resolve()}"
    for plain in ("postgresql://", "postgres://"):
        if raw.startswith(plain):  # the installed driver is psycopg 3
            return "postgresql+psycopg://" + raw[len(plain) :]
    return raw

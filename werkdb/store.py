"""The signal store: the only module that writes the app's own writable database (reads.py reads
a SQLite store for pages that only show signals).

SQLite (var/werkdb.sqlite, WAL, write transactions taken with BEGIN IMMEDIATE so several processes
can write) by default, PostgreSQL when BUURTMONITOR_WERKDB says so; one code path for both through
SQLAlchemy Core, whose expressions bind every value. The schema comes from the Alembic migrations
in werkdb/migrations. Every change adds a row to the append-only history; an edit on a stale
version is refused (optimistic concurrency), so nobody overwrites what someone else just saved.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import event

from werkdb import rules
from werkdb.rules import SignalRefused
from werkdb.schema import (  # noqa: F401 (also store.store_url, store.DEFAULT_FILE)
    DEFAULT_FILE,
    HEAD,
    VERSION_TABLE,
    StoreError,
    store_url,
)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ARCHIVER = "archivering (automatisch)"
# Any constant: makes concurrent migrations of several app servers wait for each other.
_MIGRATION_LOCK = 240024
# A store already at HEAD (werkdb/schema.py) opens without loading Alembic, about half a second of
# imports on a page's first opening.

metadata = sa.MetaData()
signals_table = sa.Table(
    "signals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("gemeente_code", sa.String(6)),
    sa.Column("area_code", sa.String(10)),
    sa.Column("signal_date", sa.Date),
    sa.Column("theme", sa.String(20)),
    sa.Column("source_kind", sa.String(20)),
    sa.Column("description", sa.Text),
    sa.Column("urgency", sa.String(10)),
    sa.Column("step", sa.String(20)),
    sa.Column("step_date", sa.Date),
    sa.Column("responsible", sa.String(80)),
    sa.Column("decision", sa.String(20)),
    sa.Column("reason", sa.Text),
    sa.Column("project_id", sa.String(80)),
    sa.Column("archived_at", sa.DateTime),
    sa.Column("created_at", sa.DateTime),
    sa.Column("created_by", sa.String(80)),
    sa.Column("updated_at", sa.DateTime),
    sa.Column("updated_by", sa.String(80)),
    sa.Column("version", sa.Integer),
)
history_table = sa.Table(
    "signal_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("signal_id", sa.Integer),
    sa.Column("version", sa.Integer),
    sa.Column("changed_at", sa.DateTime),
    sa.Column("changed_by", sa.String(80)),
    sa.Column("action", sa.String(20)),
    sa.Column("changes", sa.Text),
)
SIGNAL_COLUMNS = [c.name for c in signals_table.columns]
HISTORY_COLUMNS = ["version", "changed_at", "changed_by", "action", "changes"]


class StaleVersion(SignalRefused):
    """An edit on a version someone else already changed: nothing was written.

    `current` is the signal as stored now, `attempted` the refused changes (so the page can show
    them again and the person can redo them on the new version: nothing is lost).
    """

    def __init__(self, current: dict, attempted: Mapping[str, object]) -> None:
        self.current = current
        self.attempted = dict(attempted)
        when = pd.Timestamp(current["updated_at"]).strftime("%d-%m-%Y %H:%M")
        super().__init__(
            f"Signaal {current['id']} is intussen gewijzigd door {current['updated_by']} "
            f"({when} UTC, nu versie {current['version']}). Uw wijziging is niet opgeslagen, "
            "zodat die van de ander niet verloren gaat. Bekijk het signaal opnieuw en voer uw "
            "wijziging zo nodig nog eens in; uw invoer staat nog in het formulier."
        )


@dataclass(frozen=True)
class Store:
    engine: sa.Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


def archive_days() -> int:
    """Days after which a closed signal leaves the views (BUURTMONITOR_SIGNALEN_ARCHIEF_DAGEN)."""
    raw = os.environ.get("BUURTMONITOR_SIGNALEN_ARCHIEF_DAGEN", "").strip()
    return int(raw) if raw.isdigit() else rules.ARCHIVE_DAYS


def open_store(url: str | None = None) -> Store:
    """The store at `url` (default: store_url()), migrated to the newest schema; one per process."""
    return _open(url or store_url())


@functools.lru_cache(maxsize=8)
def _open(url: str) -> Store:
    engine = _engine(url)
    try:
        if not _at_head(engine):
            migrate(engine)
    except sa.exc.SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(_readable(exc)) from exc
    return Store(engine)


def _engine(url: str) -> sa.Engine:
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 15})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        # Let SQLAlchemy, not the driver, start transactions (the driver's own are deferred and
        # would let two writers deadlock); WAL lets readers go on while one process writes.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        write = connection.get_execution_options().get("werkdb_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _at_head(engine: sa.Engine) -> bool:
    """Whether the store's schema is at HEAD already (False for a new or older store)."""
    try:
        with engine.connect() as connection:
            found = connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}"))  # noqa: S608 (a constant)
            return found.scalars().all() == [HEAD]
    except sa.exc.SQLAlchemyError:
        return False


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration (nothing happens when it is there already)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(werkdb_write=True).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _readable(exc: BaseException) -> str:
    first = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
    return (
        f"De signalenopslag is niet bereikbaar of niet te schrijven ({first}). Controleer "
        "BUURTMONITOR_WERKDB of de map var/ en probeer het opnieuw."
    )


@contextmanager
def _writing(store: Store) -> Iterator[sa.Connection]:
    try:
        with store.engine.execution_options(werkdb_write=True).begin() as connection:
            yield connection
    except sa.exc.DBAPIError as exc:  # a rule's refusal is no driver error and passes as it is
        raise StoreError(_readable(exc)) from exc


@contextmanager
def _reading(store: Store) -> Iterator[sa.Connection]:
    try:
        with store.engine.connect() as connection:
            yield connection
    except sa.exc.DBAPIError as exc:
        raise StoreError(_readable(exc)) from exc


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _who(who: str) -> str:
    return rules.author_name(who)


def _record(
    connection: sa.Connection,
    signal_id: int,
    version: int,
    who: str,
    action: str,
    changes: Mapping[str, object],
    at: dt.datetime,
) -> None:
    connection.execute(
        history_table.insert().values(
            signal_id=signal_id,
            version=version,
            changed_at=at,
            changed_by=who,
            action=action,
            changes=json.dumps(changes, ensure_ascii=False, default=str, sort_keys=True),
        )
    )


def _insert(
    connection: sa.Connection, checked: Mapping[str, object], who: str, action: str, at: dt.datetime
) -> int:
    row = {
        "step": "nieuw",
        "step_date": checked["signal_date"],
        "responsible": None,
        "decision": None,
        "reason": None,
        "project_id": None,
        **checked,
        "created_at": at,
        "created_by": who,
        "updated_at": at,
        "updated_by": who,
        "version": 1,
    }
    signal_id = connection.execute(
        signals_table.insert().values(**row).returning(signals_table.c.id)
    ).scalar_one()
    _record(connection, signal_id, 1, who, action, rules.changed({}, checked), at)
    return int(signal_id)


# --- writing ----------------------------------------------------------------------------------


def create(
    store: Store,
    values: Mapping[str, object],
    who: str,
    *,
    today: dt.date | None = None,
    known_areas: Collection[str] | None = None,
) -> int:
    """Record a new signal (step 'nieuw') and its first history row; returns its id."""
    today = today or dt.date.today()
    who = _who(who)
    checked = rules.new_signal(values, today, known_areas)
    with _writing(store) as connection:
        return _insert(connection, checked, who, "aangemaakt", _now())


def _change(
    store: Store, signal_id: int, version: int, who: str, action: str, make: object
) -> dict:
    """Apply make(current) -> changes on `version`, or raise StaleVersion; one transaction."""
    who = _who(who)
    with _writing(store) as connection:
        current = _get(connection, signal_id)
        if current["version"] != version:
            raise StaleVersion(current, _attempted(make, current))
        changes = make(current)  # the rules refuse before anything is written
        at = _now()
        done = connection.execute(
            signals_table.update()
            .where(signals_table.c.id == signal_id, signals_table.c.version == version)
            .values(**changes, version=version + 1, updated_at=at, updated_by=who)
        ).rowcount
        if done != 1:  # another server committed in between (PostgreSQL re-checks the version)
            raise StaleVersion(_get(connection, signal_id), changes)
        _record(
            connection, signal_id, version + 1, who, action, rules.changed(current, changes), at
        )
        return _get(connection, signal_id)


def _attempted(make: object, current: dict) -> dict:
    try:
        return make(current)
    except SignalRefused:
        return {}


def edit(
    store: Store,
    signal_id: int,
    version: int,
    changes: Mapping[str, object],
    who: str,
    *,
    today: dt.date | None = None,
) -> dict:
    """Change what a signal says (theme, source, description, urgency) on `version`."""
    checked = rules.edited_content(changes, today or dt.date.today())
    return _change(store, signal_id, version, who, "gewijzigd", lambda _current: checked)


def follow_up(
    store: Store,
    signal_id: int,
    version: int,
    who: str,
    *,
    step: str,
    step_date: object,
    responsible: str,
    decision: str | None = None,
    reason: str | None = None,
    project_id: str | None = None,
    known_projects: Collection[str] | None = None,
    today: dt.date | None = None,
) -> dict:
    """Move a signal on `version` to its next step (see rules.next_step)."""
    today = today or dt.date.today()
    return _change(
        store,
        signal_id,
        version,
        who,
        "stap",
        lambda current: rules.next_step(
            current,
            step,
            step_date,
            responsible,
            today,
            decision=decision,
            reason=reason,
            project_id=project_id,
            known_projects=known_projects,
        ),
    )


def link_project(
    store: Store,
    signal_id: int,
    version: int,
    project_id: str,
    who: str,
    *,
    known_projects: Collection[str] | None = None,
) -> dict:
    """Link a signal to a project of the project register (the project it started or joined)."""
    project = rules.checked_project(project_id, known_projects)
    return _change(
        store, signal_id, version, who, "project", lambda _current: {"project_id": project}
    )


def archive_due(store: Store, *, today: dt.date | None = None, days: int | None = None) -> int:
    """Archive every signal closed at least `days` ago (default archive_days()); returns how many.

    Each archived signal gets a new version and a history row, like any other change.
    """
    cutoff = rules.archive_cutoff(
        today or dt.date.today(), archive_days() if days is None else days
    )
    due = (
        signals_table.c.archived_at.is_(None)
        & (signals_table.c.step == "afgerond")
        & (signals_table.c.step_date <= cutoff)
    )
    with _reading(store) as connection:  # nothing due is the usual case: no write lock then
        if connection.execute(sa.select(sa.func.count()).where(due)).scalar_one() == 0:
            return 0
    at, archived = _now(), 0
    with _writing(store) as connection:
        for signal_id, version in connection.execute(
            sa.select(signals_table.c.id, signals_table.c.version).where(due)
        ).all():
            done = connection.execute(
                signals_table.update()
                .where(signals_table.c.id == signal_id, signals_table.c.version == version)
                .values(archived_at=at, version=version + 1, updated_at=at, updated_by=ARCHIVER)
            ).rowcount
            if done != 1:  # another server archived or changed it a moment ago
                continue
            _record(
                connection,
                signal_id,
                version + 1,
                ARCHIVER,
                "gearchiveerd",
                {"archived_at": [None, at.isoformat()]},
                at,
            )
            archived += 1
    return archived


def import_checked(store: Store, rows: list[dict], who: str, file_name: str) -> list[int]:
    """Write signals the importer checked, all in one transaction; returns their ids."""
    who = _who(who)
    at = _now()
    ids = []
    with _writing(store) as connection:
        for row in rows:
            first = {k: v for k, v in row.items() if k not in rules.STEP_FIELDS}
            signal_id = _insert(connection, first, who, "geïmporteerd", at)
            steps = {k: v for k, v in row.items() if k in rules.STEP_FIELDS}
            if steps:  # a spreadsheet often records how far a signal got: its second version
                connection.execute(
                    signals_table.update()
                    .where(signals_table.c.id == signal_id)
                    .values(**steps, version=2)
                )
                _record(
                    connection,
                    signal_id,
                    2,
                    who,
                    "stap",
                    {**rules.changed({"step": "nieuw"}, steps), "bestand": [None, file_name]},
                    at,
                )
            ids.append(signal_id)
    return ids


# --- reading ----------------------------------------------------------------------------------


def _get(connection: sa.Connection, signal_id: int) -> dict:
    row = (
        connection.execute(sa.select(signals_table).where(signals_table.c.id == signal_id))
        .mappings()
        .first()
    )
    if row is None:
        raise SignalRefused(f"Signaal {signal_id} bestaat niet (meer).")
    return dict(row)


def get(store: Store, signal_id: int) -> dict:
    with _reading(store) as connection:
        return _get(connection, signal_id)


def signals(
    store: Store,
    gemeente: str | None = None,
    *,
    areas: Collection[str] | None = None,
    include_archived: bool = False,
    project_id: str | None = None,
    projects: Collection[str] | None = None,
) -> pd.DataFrame:
    """Signals of a gemeente (or of some areas, or of one project or of some), newest first."""
    query = sa.select(signals_table)
    if gemeente:
        query = query.where(signals_table.c.gemeente_code == gemeente)
    if areas is not None:
        query = query.where(signals_table.c.area_code.in_(list(areas)))
    if project_id is not None:
        query = query.where(signals_table.c.project_id == project_id)
    if projects is not None:
        query = query.where(signals_table.c.project_id.in_(list(projects)))
    if not include_archived:
        query = query.where(signals_table.c.archived_at.is_(None))
    query = query.order_by(signals_table.c.signal_date.desc(), signals_table.c.id.desc())
    with _reading(store) as connection:
        rows = connection.execute(query).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=SIGNAL_COLUMNS)


def history(store: Store, signal_id: int) -> pd.DataFrame:
    """Every change of one signal, oldest first: version, when (UTC), who, what, changes."""
    query = (
        sa.select(*(history_table.c[c] for c in HISTORY_COLUMNS))
        .where(history_table.c.signal_id == signal_id)
        .order_by(history_table.c.version)
    )
    with _reading(store) as connection:
        rows = connection.execute(query).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=HISTORY_COLUMNS)
    frame["changes"] = [json.loads(text) for text in frame["changes"]]
    return frame


def open_counts(store: Store, gemeente: str | None) -> pd.DataFrame:
    """Per area and theme: how many signals are open and how many were followed up (counts only);
    of one gemeente, or of every gemeente (None)."""
    is_open = sa.case((signals_table.c.step != "afgerond", 1), else_=0)
    query = (
        sa.select(
            signals_table.c.area_code,
            signals_table.c.theme,
            sa.func.sum(is_open).label("open"),
            sa.func.sum(1 - is_open).label("afgerond"),
        )
        .where(signals_table.c.archived_at.is_(None))
        .where(signals_table.c.gemeente_code == gemeente if gemeente else sa.true())
        .group_by(signals_table.c.area_code, signals_table.c.theme)
    )
    with _reading(store) as connection:
        rows = connection.execute(query).all()
    return pd.DataFrame(rows, columns=["area_code", "theme", "open", "afgerond"])


def change_mark(store: Store) -> int:
    """The newest history row's id: changes whenever anything was written (a cache key)."""
    with _reading(store) as connection:
        return int(connection.execute(sa.select(sa.func.max(history_table.c.id))).scalar() or 0)

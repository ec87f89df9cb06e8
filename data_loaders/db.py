"""The one chokepoint to DuckDB: connections, named queries with bound parameters, safe writes.

SQL lives in data_loaders/sql (schema.sql and queries/<name>.sql, one query per file). Values are
always bound ($name or ?), never pasted into SQL text. Writes go to a copy of the database file that
replaces the original only after a successful commit, so a reader never sees half a load and a
killed load leaves the previous database intact. Nothing outside this module imports duckdb.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import shutil
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from data_loaders.settings import SQL_DIR

SCHEMA_VERSION = 1

Params = Mapping[str, Any] | Sequence[Any] | None


class DatabaseError(RuntimeError):
    """A database problem, with a Dutch message that says what to do."""


class DatabaseMissing(DatabaseError):
    pass


class DatabaseLocked(DatabaseError):
    """Another process holds a write lock on the file itself (our own loads never do)."""


# Loads write to a copy, so the file a reader opens is never locked by them; another program
# writing to it directly (a DuckDB shell, a backup tool) is waited for this long, then reported.
LOCK_WAIT_SECONDS = 2.0


@functools.cache
def sql_text(name: str) -> str:
    """The text of a named query (sql/queries/<name>.sql) or of schema.sql."""
    path = SQL_DIR / "schema.sql" if name == "schema" else SQL_DIR / "queries" / f"{name}.sql"
    if not path.is_file():
        raise DatabaseError(f"Onbekende query '{name}': het bestand {path.name} ontbreekt.")
    return path.read_text(encoding="utf-8")


def connect(path: Path | str, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the database. Read-only by default: the app never writes."""
    path = Path(path)
    if read_only and not path.is_file():
        raise DatabaseMissing(
            f"De database {path} bestaat nog niet. Bouw hem met 'make db' "
            "(of start de app met 'make run', dat bouwt hem vanzelf)."
        )
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            con = _reader(path) if read_only else duckdb.connect(str(path))
            break
        except duckdb.Error as exc:
            if "lock" not in str(exc).lower():
                raise _unreadable(path, exc) from exc
            if time.monotonic() >= deadline:
                raise DatabaseLocked(
                    f"De database {path} is even bezet: een ander programma schrijft erin. "
                    "Wacht een paar seconden en laad de pagina opnieuw."
                ) from exc
            time.sleep(0.1)
    if read_only:
        try:
            version = con.execute("SELECT max(version) FROM schema_info").fetchall()[0][0]
        except duckdb.Error as exc:
            con.close()
            raise DatabaseError(
                f"De database {path} is onvolledig of beschadigd ({_short(exc)}). "
                "Bouw hem opnieuw met 'make db'."
            ) from exc
        if version != SCHEMA_VERSION:
            con.close()
            raise DatabaseError(
                f"De database {path} heeft schemaversie {version}, de app verwacht "
                f"{SCHEMA_VERSION}. Bouw hem opnieuw met 'make db'."
            )
    return con


def _reader(path: Path) -> duckdb.DuckDBPyConnection:
    """The file as it is now, read-only, in an in-memory database of its own with a view per table.

    DuckDB shares one open database per file within a process: a reader opened after a load had
    swapped in a new file got the old one for as long as any earlier reader lived, so the app
    kept showing the data from before the load. An attached file is not shared that way.
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS stored (READ_ONLY)", [str(path)])
        found = con.execute("SELECT table_name FROM duckdb_tables() "
                            "WHERE database_name = 'stored' AND schema_name = 'main'").fetchall()
        for table in sorted({name for (name,) in found} & (_TABLES | {"schema_info"})):
            # A name of the schema's own (never a value), so it can be written into the text.
            con.execute(f"CREATE VIEW main.{table} AS SELECT * FROM stored.main.{table}")  # noqa: S608
    except BaseException:
        con.close()
        raise
    return con


def _unreadable(path: Path, exc: BaseException) -> DatabaseError:
    # A corrupt file or a file in another format.
    return DatabaseError(
        f"De database {path} kan niet worden geopend ({_short(exc)}). "
        "Bouw hem opnieuw met 'make db', of laad de gegevens opnieuw."
    )


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200]


def query(
    con: duckdb.DuckDBPyConnection, name: str, params: Params = None, *, cursor: bool = True
) -> pd.DataFrame:
    """Run a named query with bound parameters and return a DataFrame.

    cursor=True (readers): a cursor of its own, so threads can share one connection.
    cursor=False (inside write_session): the connection itself, to see the open transaction.
    """
    try:
        target = con.cursor() if cursor else con
        return target.execute(sql_text(name), params).df()
    except duckdb.Error as exc:
        raise DatabaseError(f"De query '{name}' is mislukt: {_short(exc)}") from exc


def execute(con: duckdb.DuckDBPyConnection, name: str, params: Params = None) -> None:
    """Run a named statement with bound parameters (writes happen inside write_session)."""
    try:
        con.execute(sql_text(name), params)
    except duckdb.Error as exc:
        raise DatabaseError(f"De opdracht '{name}' is mislukt: {_short(exc)}") from exc


def execute_counted(con: duckdb.DuckDBPyConnection, name: str, params: Params = None) -> int:
    """Run a named INSERT, UPDATE or DELETE and return how many rows it changed."""
    try:
        return int(con.execute(sql_text(name), params).fetchall()[0][0])
    except duckdb.Error as exc:
        raise DatabaseError(f"De opdracht '{name}' is mislukt: {_short(exc)}") from exc


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Insert a DataFrame into one of the schema's tables, matching columns by name."""
    if table not in _TABLES:
        raise DatabaseError(f"Onbekende tabel '{table}'.")
    if frame.empty:
        return 0
    con.register("_incoming", frame)
    # One thread appends a large frame faster than several: in parallel each thread writes row
    # groups of its own that the commit then has to merge (470,000 observations: ~0.06 s less).
    threads = con.execute("SELECT current_setting('threads')").fetchall()[0][0]
    try:
        con.execute("SET threads = 1")
        columns = ", ".join(f'"{c}"' for c in frame.columns)  # names from our own frames
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming")  # noqa: S608
    except duckdb.Error as exc:
        raise DatabaseError(f"Schrijven naar {table} is mislukt: {_short(exc)}") from exc
    finally:
        con.unregister("_incoming")
        con.execute(f"SET threads = {int(threads)}")
    return len(frame)


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> Iterator[None]:
    """A frame visible to named queries as `name` for the duration of the block."""
    con.register(name, frame)
    try:
        yield
    finally:
        # After a failed statement the transaction is aborted and unregistering fails too; the
        # first error is the one to report.
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)


_TABLES = {
    "areas",
    "geometries",
    "indicators",
    "observations",
    "buurttypes",
    "loads",
    "spending",
    "projects",
    "goals",
    "sources",
    "agg_runs",
    "agg_gemeente",
    "agg_gemeente_choices",
    "agg_periods",
    "agg_peers",
    "agg_signals",
    "agg_expected",
    "agg_parts",
    "agg_part_sources",
    "map_shapes",
}


def init_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(sql_text("schema"))
    if con.execute("SELECT count(*) FROM schema_info").fetchall()[0][0] == 0:
        con.execute("INSERT INTO schema_info VALUES (?)", [SCHEMA_VERSION])


@contextlib.contextmanager
def write_session(path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """Write to the database atomically.

    Loads are serialised by a lock file. The work happens on a copy of the database inside one
    transaction; only after it commits is the copy moved over the original (an atomic rename).
    Readers keep the file they opened; a crash or kill at any point leaves the original as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        # Holding the lock, any other copy is left over from a load that was killed.
        for stale in path.parent.glob(f"{path.name}.*.tmp"):
            _remove(stale)
        work = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        if path.is_file():
            shutil.copy2(path, work)
        con = duckdb.connect(str(work))
        try:
            init_schema(con)
            con.execute("BEGIN TRANSACTION")
            yield con
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
            con.close()
            with open(work, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(work, path)
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
            con.close()
            _remove(work)
            raise


def step(con: duckdb.DuckDBPyConnection) -> None:
    """Commit what a write session did so far, on its copy, and go on in a new transaction.

    The copy replaces the original only when the whole session ends well, so a later failure
    still leaves the original as it was; committing in steps frees the memory DuckDB holds for
    uncommitted rows (a batch of national files at once needed twice the memory otherwise).
    """
    con.execute("COMMIT")
    con.execute("BEGIN TRANSACTION")


def _remove(work: Path) -> None:
    for leftover in (work, work.with_name(work.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def file_version(path: Path | str) -> tuple[int, int]:
    """(inode, mtime_ns) of the database file: changes whenever a load swaps in a new file."""
    stat = Path(path).stat()
    return stat.st_ino, stat.st_mtime_ns

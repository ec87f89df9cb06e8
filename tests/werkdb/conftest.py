"""The signal store on both databases it supports: a SQLite file per test, and a PostgreSQL
database of this test session's own on 127.0.0.1:5432 (skipped, with the reason, where none runs)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from werkdb import store

PG_SERVER = os.environ.get("BUURTMONITOR_TEST_PG", "postgresql://postgres@127.0.0.1:5432")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh database buurtmonitor_test_<pid>, dropped again when the session ends."""
    psycopg = pytest.importorskip("psycopg")
    name = f"buurtmonitor_test_{os.getpid()}"
    try:
        admin = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"Geen PostgreSQL op {PG_SERVER} ({str(exc).strip()[:120]}); de "
                    "PostgreSQL-variant van de signalentests is overgeslagen.")
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{PG_SERVER.replace('postgresql://', 'postgresql+psycopg://')}/{name}"
        finally:
            store._open.cache_clear()  # noqa: SLF001 - close the pool before dropping
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'werkdb.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture()
def signal_store(backend_url: str) -> Iterator[store.Store]:
    """An empty, migrated store (the PostgreSQL database is emptied after each test)."""
    opened = store.open_store(backend_url)
    yield opened
    if opened.dialect == "postgresql":
        with opened.engine.begin() as connection:
            connection.exec_driver_sql("TRUNCATE signal_history, signals RESTART IDENTITY")
    else:
        opened.engine.dispose()  # one SQLite file per test: its URL never comes back

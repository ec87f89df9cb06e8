"""Runs the versioned migrations of the signal store on the connection store.py hands over.

Never opens a connection of its own: store.migrate() runs `alembic upgrade head` inside one write
transaction (on PostgreSQL under an advisory lock), so several app processes can start at once.
"""

from __future__ import annotations

from alembic import context

from werkdb.schema import VERSION_TABLE  # one name for the table, shared by store and reads

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, version_table=VERSION_TABLE)
with context.begin_transaction():
    context.run_migrations()

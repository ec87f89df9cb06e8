"""The app's own writable store (signalen and their follow-up), apart from the read-only indicators.

rules.py holds the pure rules (privacy, steps, archiving); store.py is the only module that writes
the database (SQLAlchemy Core, SQLite by default or PostgreSQL); reads.py reads a SQLite store for
the pages that only show signals (sqlite3, no SQLAlchemy); schema.py holds what both share;
importer.py reads the template.
Never imports streamlit.
"""

"""The app's own writable store (signalen and their follow-up), apart from the read-only indicators.

rules.py holds the pure rules (privacy, steps, archiving); store.py is the only module that talks to
the database (SQLAlchemy Core, SQLite by default or PostgreSQL); importer.py reads the template.
Never imports streamlit.
"""

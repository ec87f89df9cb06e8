"""Everything that reads a file or source and writes the database. Never imports streamlit."""

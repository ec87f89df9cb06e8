"""Pure computations on tidy frames: no I/O, no database, no streamlit."""

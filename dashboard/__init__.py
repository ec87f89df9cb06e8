"""What a person sees: the only package that imports streamlit."""

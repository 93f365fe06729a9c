"""Streamlit widgets the pages share, one module per role."""

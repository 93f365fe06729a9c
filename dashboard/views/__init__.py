"""The dashboard's pages: Streamlit scripts that compose queries, charts and widgets."""

"""The SQL of each page or family of pages, run through `store.query` and `store.filtered`."""

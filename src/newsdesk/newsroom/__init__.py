"""The Django app that owns the tables and the read queries (selectors)."""

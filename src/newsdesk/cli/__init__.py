"""The `newsdesk` console script: Django management commands behind one name."""

"""newsdesk: wire copy in, a fast searchable news site out."""

__version__ = "0.1.0"

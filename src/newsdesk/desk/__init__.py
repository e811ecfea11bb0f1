"""The editors' desk (issue 6): accounts, roles, the workflow services and the desk's screens."""

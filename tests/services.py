"""Is a service this test run needs reachable? `python tests/services.py postgres URL` exits 0 if so."""

from __future__ import annotations

import sys


def postgres_reachable(url: str) -> bool:
    import psycopg

    try:
        psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=3).close()
    except psycopg.Error:
        return False
    return True


if __name__ == "__main__":
    kind, url = sys.argv[1], sys.argv[2]
    sys.exit(0 if kind == "postgres" and postgres_reachable(url) else 1)

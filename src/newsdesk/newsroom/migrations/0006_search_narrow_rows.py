"""Search (issue 5 point 4): what ranking reads of each match moves to narrow rows of its own.

SQLite gets ``newsroom_search_facts`` (date, section, source of each
indexed article) beside the FTS5 table; PostgreSQL's tsvector moves from a
TOASTed column of ``newsroom_article`` to ``newsroom_search_document`` (kept
in the row, GIN without a pending list, lexeme pairs for phrases).
``newsroom.search.index.index_upgrade`` does it, and nothing where 0005
already built this shape. Reversing it keeps the index as it is (0005's
reversal removes all of it).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from newsdesk.newsroom.search.index import index_upgrade

    index_upgrade(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0005_search"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

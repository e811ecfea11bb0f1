"""Full-text search index (issue 5 point 4): SQLite FTS5 + triggers, or a PostgreSQL tsvector + GIN.

One migration for both databases: the RunPython looks at the connection's
vendor and runs that database's DDL (``newsroom.search.schema``), building
the index for the articles already there; reversing it removes all of it.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from newsdesk.newsroom.search.index import index_install

    index_install(schema_editor.connection)


def backwards(apps, schema_editor):
    from newsdesk.newsroom.search.index import index_remove

    index_remove(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0004_stories_desk"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

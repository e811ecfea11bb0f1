"""Full-text search index (issue 5): filled in by the search work."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0004_stories_desk"),
    ]

    operations = []

from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsdesk.newsroom"
    label = "newsroom"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The search index (issue 5 point 4): SQLite connections get the text function its triggers call,
        # and every migrate checks that a table rebuild has not dropped those triggers.
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from newsdesk.newsroom.search.index import index_ensure
        from newsdesk.newsroom.search.sqlite_functions import functions_registered

        connection_created.connect(functions_registered, dispatch_uid="newsroom_search_functions")
        post_migrate.connect(index_ensure, sender=self, dispatch_uid="newsroom_search_ensure")

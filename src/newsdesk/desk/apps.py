import importlib

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate


def _roles_ensure(sender, apps=None, **kwargs) -> None:  # sent once per app with models; the desk has none: newsroom's
    """The role groups again after a flush (`newsdesk flush`, transactional tests), which empties what the migration made.

    Django re-creates permissions and content types the same way, on post_migrate; the migration's
    function only adds what is missing, so running it after every migrate is harmless.
    """
    if sender.label == "newsroom":
        importlib.import_module("newsdesk.desk.migrations.0001_roles").roles_create(apps or global_apps, None)


class DeskConfig(AppConfig):
    name = "newsdesk.desk"
    label = "desk"
    verbose_name = "Editors' desk"

    def ready(self) -> None:
        post_migrate.connect(_roles_ensure, dispatch_uid="newsdesk.desk.roles_ensure")

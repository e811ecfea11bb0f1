"""The desk's roles as groups with their permissions (issue 6 point 1); see desk/roles.py.

Permissions are created here when missing: on a fresh database Django adds
the default ones only after every migration has run (post_migrate).
"""

from django.db import migrations

from newsdesk.desk.roles import ARTICLE_PERMISSIONS, ROLES, role_permissions

_NAMES = dict(ARTICLE_PERMISSIONS)


def _permission(apps, app_label: str, model: str, codename: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    verb = codename.split("_", 1)[0]
    name = _NAMES.get(codename) or f"Can {verb} {model}"
    permission, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    return permission


def roles_create(apps, schema_editor) -> None:
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*[_permission(apps, *perm) for perm in role_permissions(role)])


def roles_remove(apps, schema_editor) -> None:
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0005_search"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(roles_create, roles_remove)]

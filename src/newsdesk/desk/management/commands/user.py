"""`newsdesk user add NAME --role editor`, `newsdesk user role NAME admin`, `newsdesk user list`: desk accounts."""

from __future__ import annotations

import getpass
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from newsdesk.desk.roles import EDITOR, ROLES, role_of
from newsdesk.desk.users import AccountError, user_create, user_role_set


class Command(BaseCommand):
    help = "Add desk users with a role (contributor, editor, admin), change a role, list users."

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="create a user with a role")
        add.add_argument("name")
        add.add_argument("--role", choices=ROLES, default=EDITOR)
        add.add_argument("--email", default="")
        add.add_argument(
            "--password-stdin", action="store_true",
            help="read the password from the first line of standard input (else asked for on a terminal, or none: reset it by e-mail)",
        )
        role = actions.add_parser("role", help="change a user's role")
        role.add_argument("name")
        role.add_argument("role", choices=ROLES)
        actions.add_parser("list", help="every user with their role")

    def handle(self, *args, **options) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except AccountError as error:
            raise CommandError(f"{error} ({error.reason})") from None

    def _add(self, options: dict) -> None:
        user = user_create(options["name"], role=options["role"], email=options["email"], password=self._password(options))
        self.stdout.write(f"added {user.get_username()} as {options['role']}")

    def _password(self, options: dict) -> str | None:
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\r\n")
            if not password:
                raise CommandError("no password on standard input")
            return password
        if not sys.stdin.isatty():
            return None
        first, second = getpass.getpass("Password: "), getpass.getpass("Password (again): ")
        if first != second:
            raise CommandError("the two passwords differ")
        return first

    def _role(self, options: dict) -> None:
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: options["name"]}).first()
        if user is None:
            raise CommandError(f"no user called {options['name']!r}")
        user_role_set(user, options["role"])
        self.stdout.write(f"{user.get_username()} is now {options['role']}")

    def _list(self, options: dict) -> None:
        for user in get_user_model().objects.order_by("username"):
            state = "" if user.is_active else " (inactive)"
            self.stdout.write(f"{user.get_username()}\t{role_of(user) or '-'}{state}")

from django.apps import AppConfig


class CliConfig(AppConfig):
    name = "newsdesk.cli"
    label = "newsdesk_cli"
    verbose_name = "Command line"

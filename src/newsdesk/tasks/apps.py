from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "newsdesk.tasks"
    label = "newsdesk_tasks"
    verbose_name = "Background tasks"

    def ready(self) -> None:
        from newsdesk.tasks.jobs import jobs_register

        jobs_register()

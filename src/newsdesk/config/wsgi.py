"""WSGI entry point for the production server (`newsdesk serve`).

Baked pages are answered from their files before Django's stack is entered
(`site.baked_app`, docs/performance.md); everything else goes to Django.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.config.settings")
django_application = get_wsgi_application()

from newsdesk.site.baked_app import baked_pages  # noqa: E402  (needs the settings configured above)

application = baked_pages(django_application)

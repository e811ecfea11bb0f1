"""Wiring only: settings from the environment, URL conf, WSGI/ASGI."""

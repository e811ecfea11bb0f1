"""The incoming queue (``/desk/``): wire copy waiting for the desk, filtered, searched and paged."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from newsdesk.desk.queue import QueueFilters, queue_choices, queue_failures, queue_page
from newsdesk.desk.roles import role_required


@role_required("contributor")
@never_cache
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    filters = QueueFilters.from_query(request.GET)
    context = {
        "screen": "queue",
        "filters": filters,
        "page": queue_page(filters, request.GET.get("page")),
        "failures": queue_failures(filters),
        **queue_choices(),
    }
    return render(request, "desk/queue.html", context)

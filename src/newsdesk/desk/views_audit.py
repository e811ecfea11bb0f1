"""The audit log (``/desk/audit/``): every desk action, filterable by user, action, article and date."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from newsdesk.desk.audit import AuditFilters, audit_choices, audit_page
from newsdesk.desk.roles import role_required


@role_required("editor")
@never_cache
@require_safe
def audit(request: HttpRequest) -> HttpResponse:
    filters = AuditFilters.from_query(request.GET)
    context = {"screen": "audit", "filters": filters, "page": audit_page(filters, request.GET.get("page")), **audit_choices()}
    return render(request, "desk/audit.html", context)

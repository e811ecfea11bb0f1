"""The dashboards (``/desk/dashboard/``): what is coming in, what fails, what is read, what goes out."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from newsdesk.desk.charts import chart_svg
from newsdesk.desk.dashboard import dashboard_charts, period_for
from newsdesk.desk.roles import role_required


@role_required("contributor")
@never_cache
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    period = period_for(request.GET.get("period", "day"))
    charts = [{"chart": chart, "svg": chart_svg(chart)} for chart in dashboard_charts(period)]
    return render(request, "desk/dashboard.html", {"screen": "dashboard", "period": period, "charts": charts})

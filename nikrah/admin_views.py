"""Admin views the site narrows down for its many-charity setup."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView


class PlatformPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail shows this report, with the last edited page of each type across the whole
    site, to anyone who may edit a page. Here every charity edits only its own pages, so
    the report is for platform admins only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

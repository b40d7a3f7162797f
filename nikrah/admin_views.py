"""Admin views the site narrows down for its many-charity setup."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page, PageLogEntry
from wagtail.permissions import policy_registry


class PlatformPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail shows this report, with the last edited page of each type across the whole
    site, to anyone who may edit a page. Here every charity edits only its own pages, so
    the report is for platform admins only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OwnPagesSiteHistoryView(LogEntriesView):
    """The site history shows what happened to the pages a person may change: a charity's
    editors see their own charity's pages, not the working groups' projects and the other
    charities' work they may only add to. Platform admins see everything."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        user = self.request.user
        if queryset.model is PageLogEntry and not user.is_superuser:
            changeable = policy_registry.get_by_type(Page).instances_user_has_permission_for(
                user, "change"
            )
            queryset = queryset.filter(page__in=changeable.values("pk"))
        return queryset

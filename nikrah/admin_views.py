"""Admin views the site narrows down for its many-charity setup."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page, PageLogEntry, Site
from wagtail.permissions import policy_registry
from wagtail.sites.views import IndexView as SiteIndexView
from wagtail.sites.views import SiteViewSet
from wagtail_localize.locales.views import CreateView as LocaleCreateView
from wagtail_localize.locales.views import LocaleViewSet


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


def field_column(model, name, **kwargs):
    return Column(name, label=model._meta.get_field(name).verbose_name, **kwargs)


class NamedColumnsSiteIndexView(SiteIndexView):
    """Wagtail's sites listing names three of its columns from code ("Port", "Site name",
    "Root page"), which no catalogue translates; these take the fields' own names."""

    columns = [
        SiteIndexView.columns[0],
        field_column(Site, "port", sort_key="port"),
        field_column(Site, "site_name"),
        field_column(Site, "root_page"),
        SiteIndexView.columns[-1],
    ]


# Serves Wagtail's own sites screens (the same URL names), with the listing above.
sites_viewset = SiteViewSet("wagtailsites", url_prefix="sites")
sites_viewset.index_view_class = NamedColumnsSiteIndexView


class NamedLocaleCreateView(LocaleCreateView):
    """The "add a language" screen names its model under the title, and Wagtail's Locale
    has no translatable name ("Locale")."""

    page_subtitle = gettext_lazy("Language")


locales_viewset = LocaleViewSet("wagtaillocales", url_prefix="locales")
locales_viewset.add_view_class = NamedLocaleCreateView

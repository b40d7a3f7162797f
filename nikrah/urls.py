from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from experience.certificate_urls import verifier_urlpatterns
from nikrah import csp
from nikrah.admin_sign_in import AdminPasswordResetView
from nikrah.admin_views import (
    OwnPagesSiteHistoryView,
    PlatformPageTypesUsageReportView,
    locales_viewset,
    sites_viewset,
)
from nikrah.search.suggestions import suggest
from nikrah.search.views import search
from nikrah.sitemaps import AllLanguagesSitemap
from nikrah.translations import SubmitTranslationView

# The admin, with what its Content-Security-Policy allows beyond the site's (nikrah.csp).
admin_urlpatterns = [
    # Narrowed before Wagtail's own admin URLs: see nikrah.admin_views.
    path("admin/reports/page-types-usage/", PlatformPageTypesUsageReportView.as_view()),
    path(
        "admin/reports/page-types-usage/results/",
        PlatformPageTypesUsageReportView.as_view(results_only=True),
    ),
    path("admin/reports/site-history/", OwnPagesSiteHistoryView.as_view()),
    path(
        "admin/reports/site-history/results/",
        OwnPagesSiteHistoryView.as_view(results_only=True),
    ),
    path("admin/sites/", sites_viewset.index_view),
    path("admin/sites/results/", sites_viewset.index_results_view),
    path("admin/locales/new/", locales_viewset.add_view),
    path("admin/localize/submit/page/<int:page_id>/", SubmitTranslationView.as_view()),
    path("admin/password_reset/", AdminPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
]

urlpatterns = [
    *decorate_urlpatterns(admin_urlpatterns, csp.admin_policy),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}, name="sitemap"),
    *verifier_urlpatterns,
]

# django-allauth answers a reached rate limit with this view (429 is not one of Django's own).
handler429 = "nikrah.throttling.too_many_requests"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Persian is served without a prefix, English under /en/.
urlpatterns += i18n_patterns(
    path("account/", include("allauth.urls")),
    path("volunteer/", include("opportunities.urls")),
    path("volunteer/", include("experience.urls")),
    path("certificates/", include("experience.certificate_urls")),
    path("search/", search, name="search"),
    path("search/suggest/", suggest, name="search_suggest"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

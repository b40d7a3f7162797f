from functools import partial

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from charities.archives import CHARITY_RECORDS_HOOK
from charities.dashboard import CHARITY_DASHBOARD_COUNT_HOOK
from experience import archives, demo, recording
from experience.forms import certificates_on_account_deletion
from experience.models import Certificate, HoursEntry
from experience.permissions import ExperiencePermissionPolicy
from experience.views.bulk_actions.confirm_hours import ConfirmHoursBulkAction
from experience.views.bulk_actions.no_delete import NoDeleteBulkAction
from experience.views.bulk_actions.reject_hours import RejectHoursBulkAction
from experience.views.certificates import CertificateViewSet
from experience.views.hours import HoursViewSet
from experience.views.report import VolunteerExperienceReportViewSet
from nikrah.archives import PERSONAL_DATA_HOOK
from nikrah.demo import DEMO_CONTENT_HOOK, DemoContent
from nikrah.sections import HOME_FIGURE_HOOK, Fact, HomeFigure, Link, listing_count
from opportunities.forms import ACCOUNT_DELETION_CHOICE_HOOK
from opportunities.views import VOLUNTEER_APPLICATION_LINK_HOOK, VOLUNTEER_PROFILE_FACT_HOOK

# The network's totals on the home page, counted from confirmed hours only.
for key, label, count, order in (
    (
        "volunteers",
        _("volunteers with confirmed hours"),
        lambda home_page: (
            HoursEntry.objects.confirmed().values("application__volunteer").distinct().count()
        ),
        50,
    ),
    (
        "confirmed-hours",
        _("hours of volunteering confirmed by charities"),
        lambda home_page: int(HoursEntry.objects.confirmed().total()),  # whole hours
        60,
    ),
    (
        "certificates",
        _("certificates issued"),
        lambda home_page: Certificate.objects.valid().count(),
        70,
    ),
):
    hooks.register(
        HOME_FIGURE_HOOK, partial(HomeFigure, key=key, label=label, count=count, order=order)
    )


# The volunteer's pages


@hooks.register(VOLUNTEER_APPLICATION_LINK_HOOK)
def application_hours_link(application):
    if application.status not in recording.TAKES_PART:
        return None
    return Link(_("My hours"), reverse("volunteer_application_hours", args=[application.pk]))


@hooks.register(VOLUNTEER_PROFILE_FACT_HOOK)
def resume_visibility_fact(profile):
    if profile.resume_public:
        visibility = _("Public: anyone with the link may see it.")
    else:
        visibility = _("Private: only you can see it.")
    return Fact(
        _("My résumé"), visibility, link=Link(_("See my résumé"), reverse("volunteer_resume"))
    )


# This app's share of a person's archive and of a charity's (see nikrah.archives).
hooks.register(PERSONAL_DATA_HOOK, archives.personal_data)
hooks.register(CHARITY_RECORDS_HOOK, archives.charity_records)
# Holders of certificates decide on the deletion page what becomes of them.
hooks.register(ACCOUNT_DELETION_CHOICE_HOOK, certificates_on_account_deletion)


# The admin

register_permission_policy(HoursEntry, ExperiencePermissionPolicy(HoursEntry))
register_permission_policy(Certificate, ExperiencePermissionPolicy(Certificate))
register_snippet(HoursViewSet)
register_snippet(CertificateViewSet)
hooks.register("register_bulk_action", ConfirmHoursBulkAction)
hooks.register("register_bulk_action", RejectHoursBulkAction)
# After Wagtail's own bulk delete (wagtail.snippets comes later in INSTALLED_APPS).
hooks.register("register_bulk_action", NoDeleteBulkAction, order=1)
hooks.register("register_admin_viewset", VolunteerExperienceReportViewSet)


@hooks.register("register_log_actions")
def register_experience_log_actions(actions):
    actions.register_action(
        recording.HOURS_CONFIRMED_ACTION, _("Confirm volunteer hours"), _("Hours confirmed")
    )
    actions.register_action(
        recording.HOURS_REJECTED_ACTION, _("Reject volunteer hours"), _("Hours not confirmed")
    )
    actions.register_action(
        recording.CERTIFICATE_ISSUED_ACTION, _("Issue a certificate"), _("Certificate issued")
    )
    actions.register_action(
        recording.CERTIFICATE_REVOKED_ACTION, _("Revoke a certificate"), _("Certificate revoked")
    )
    actions.register_action(
        recording.CERTIFICATE_WITHDRAWN_ACTION,
        _("Withdraw a certificate at its holder's request"),
        _("Certificate withdrawn by its holder"),
    )


@hooks.register(CHARITY_DASHBOARD_COUNT_HOOK)
def hours_awaiting_confirmation(charity, user):
    status = HoursEntry.Status.PENDING
    waiting = HoursEntry.objects.filter(application__opportunity__charity=charity, status=status)
    return listing_count(_("Volunteer hours to confirm"), waiting, status=status)


# This app's part of the demo content (see nikrah.demo).
@hooks.register(DEMO_CONTENT_HOOK)
def experience_demo():
    return DemoContent(order=60, load=demo.load)

"""A volunteer's résumé: what charities have confirmed about their volunteering, and nothing
else. Private until the volunteer makes it public (``VolunteerProfile.resume_public``).

An experience is an application that is accepted or completed and that the charity has
vouched for: it has confirmed hours, or the charity marked it completed. Pending and
rejected hours, and applications that were never taken up (submitted, wait-listed,
declined, withdrawn, not attended), never appear and count nowhere. Neither does anything
the volunteer wrote (motivation, bio) or how to reach them.

The whole résumé takes a fixed number of queries, however long the volunteer's history.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Max, Min, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from charities.models import Charity, CharityPage, City, Province, Theme
from experience.models import Certificate, HoursEntry
from experience.recording import TAKES_PART
from nikrah.mail import absolute_url
from opportunities.models import Application, VolunteerProfile
from workinggroups.models import ProjectPage

REMOTE = "remote"  # the region of remote experiences, counted as one region of its own


@dataclass(frozen=True)
class Experience:
    """One verified experience: a role with a charity, and the hours it confirmed."""

    role: str
    charity: Charity | None
    charity_url: str
    project_title: str
    fields: list[Theme]
    is_remote: bool
    province: Province | None
    city: City | None
    period_start: date
    period_end: date
    hours: Decimal
    completed: bool

    @property
    def region(self):
        return REMOTE if self.is_remote else self.province


@dataclass(frozen=True)
class HoursShare:
    """Confirmed hours given in one field (a Theme) or with one charity (a Charity)."""

    subject: Theme | Charity
    hours: Decimal


@dataclass(frozen=True)
class Variety:
    fields: int
    charities: int
    regions: int


@dataclass(frozen=True)
class ValidCertificate:
    certificate: Certificate
    verification_path: str

    @property
    def hours(self):
        return tidy_hours(self.certificate.hours)

    @property
    def verification_url(self):
        """The absolute address, for the PDF."""
        return absolute_url(self.verification_path)


@dataclass(frozen=True)
class Resume:
    display_name: str
    experiences: list[Experience]
    total_hours: Decimal
    hours_by_field: list[HoursShare]
    hours_by_charity: list[HoursShare]
    variety: Variety
    certificates: list[ValidCertificate]


def language_prefix():
    """The active language's path prefix: none for Persian, "/en" for English (nikrah.urls)."""
    language = get_language() or settings.LANGUAGE_CODE
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def certificate_verification_path(code):
    """The certificate's public verification page in the active language."""
    return f"{language_prefix()}/certificates/{code}/"


def tidy_hours(hours):
    """12.50 → 12.5 and 10.00 → 10, as a person writes them."""
    hours = hours or Decimal("0")
    return hours.quantize(Decimal(1)) if hours == hours.to_integral() else hours.normalize()


def build_resume(user, *, request=None):
    """The résumé of ``user`` as anyone allowed to see it sees it (see the module's rules).
    ``request``, when given, lets page URLs be resolved from its site."""
    profile = VolunteerProfile.objects.filter(user=user).only("display_name").first()
    applications = list(_verified_applications(user))
    projects = _project_titles(applications)
    charity_urls = _charity_profile_urls(
        {a.opportunity.charity_id for a in applications if a.opportunity.charity_id}, request
    )
    experiences = sorted(
        (_experience(a, projects, charity_urls) for a in applications),
        key=lambda experience: (experience.period_end, experience.period_start),
        reverse=True,
    )
    return Resume(
        display_name=profile.display_name if profile else "",
        experiences=experiences,
        total_hours=tidy_hours(sum((e.hours for e in experiences), Decimal("0"))),
        hours_by_field=_shares((theme, e.hours) for e in experiences for theme in e.fields),
        hours_by_charity=_shares((e.charity, e.hours) for e in experiences if e.charity),
        variety=Variety(
            fields=len({theme.pk for e in experiences for theme in e.fields}),
            charities=len({e.charity.pk for e in experiences if e.charity}),
            regions=len({e.region for e in experiences if e.region is not None}),
        ),
        certificates=[
            ValidCertificate(certificate, certificate_verification_path(certificate.code))
            for certificate in Certificate.objects.filter(volunteer=user).valid()
        ],
    )


def _verified_applications(user):
    confirmed = Q(hours_entries__status=HoursEntry.Status.CONFIRMED)
    return (
        Application.objects.filter(volunteer=user, status__in=TAKES_PART)
        .annotate(
            confirmed_hours=Sum("hours_entries__hours", filter=confirmed),
            first_day=Min("hours_entries__date", filter=confirmed),
            last_day=Max("hours_entries__date", filter=confirmed),
        )
        .filter(Q(status=Application.Status.COMPLETED) | Q(confirmed_hours__gt=0))
        .select_related(
            "opportunity", "opportunity__charity", "opportunity__province", "opportunity__city"
        )
        .defer("motivation", "availability", "message", "opportunity__description")
        .prefetch_related("opportunity__themes")
    )


def _project_titles(applications):
    """The title of each opportunity's project (its parent page, when that is a project),
    keyed by the project's tree path: one query for all, not one per opportunity."""
    parent_paths = {a.opportunity.path[: -Page.steplen] for a in applications}
    return dict(ProjectPage.objects.filter(path__in=parent_paths).values_list("path", "title"))


def _charity_profile_urls(charity_ids, request):
    """Each charity's live public profile, in the active language if it has one."""
    if not charity_ids:
        return {}
    language = get_language() or settings.LANGUAGE_CODE
    pages = (
        CharityPage.objects.live()
        .public()
        .filter(
            charity_id__in=charity_ids,
            locale__language_code__in={language, settings.LANGUAGE_CODE},
        )
        .select_related("locale")
        .defer_streamfields()
    )
    urls = {}
    for page in sorted(pages, key=lambda page: page.locale.language_code == language):
        urls[page.charity_id] = page.get_url(request) or ""  # the active language wins
    return urls


def _experience(application, projects, charity_urls):
    opportunity = application.opportunity
    start, end = _period(application)
    return Experience(
        role=opportunity.title,
        charity=opportunity.charity,
        charity_url=charity_urls.get(opportunity.charity_id, ""),
        project_title=projects.get(opportunity.path[: -Page.steplen], ""),
        fields=list(opportunity.themes.all()),
        is_remote=opportunity.is_remote,
        province=None if opportunity.is_remote else opportunity.province,
        city=None if opportunity.is_remote else opportunity.city,
        period_start=start,
        period_end=end,
        hours=tidy_hours(application.confirmed_hours),
        completed=application.status == Application.Status.COMPLETED,
    )


def _period(application):
    """First to last confirmed day; for a completed application without confirmed hours, the
    opportunity's own dates, as on its certificates (experience.recording._period)."""
    if application.first_day:
        return application.first_day, application.last_day
    opportunity = application.opportunity
    start = opportunity.starts_on
    end = min(opportunity.ends_on or start, timezone.localdate())
    return start, max(start, end)


def _shares(pairs):
    """(subject, hours) pairs summed per subject, most hours first; none with no hours."""
    subjects, totals = {}, defaultdict(Decimal)
    for subject, hours in pairs:
        subjects[subject.pk] = subject
        totals[subject.pk] += hours
    shares = [HoursShare(subjects[pk], tidy_hours(total)) for pk, total in totals.items() if total]
    return sorted(shares, key=lambda share: (-share.hours, share.subject.name))

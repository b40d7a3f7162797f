"""What the opportunities app adds to the archives of ``nikrah.archives``: a person's
account, volunteer profile and applications to their own download; a charity's
opportunities and applications to its editors' download."""

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from nikrah.archives import ArchiveFile, ArchivePart, csv_file, fields_of, json_file
from nikrah.mail import absolute_url
from opportunities.applying import DECIDED_ACTION
from opportunities.models import Application, OpportunityPage, VolunteerProfile

#: What an application says, in both archives as in the model.
APPLICATION_FIELDS = [
    "motivation",
    "availability",
    "consent_to_share",
    "status",
    "message",
    "language",
    "created_at",
    "updated_at",
    "decided_at",
]

# A person's own download


def personal_data(request, user):
    return ArchivePart(
        order=10,
        files=[
            ArchiveFile(
                "profile.json",
                _(
                    "Your account (user name, names, e-mail addresses, when you joined and "
                    "last signed in) and your volunteer profile, every field of it."
                ),
            ),
            ArchiveFile(
                "applications.json",
                _(
                    "Each of your applications: the opportunity, what you wrote, its status, "
                    "the charity's message to you and the history of its decisions."
                ),
            ),
        ],
        contents=lambda: [
            ("profile.json", json_file(_profile_document(user))),
            ("applications.json", json_file(_applications_document(request, user))),
        ],
    )


def _profile_document(user):
    permissions = user.user_permissions.select_related("content_type").order_by("codename")
    return {
        "account": {
            **fields_of(
                user,
                "id",
                "username",
                "email",
                "first_name",
                "last_name",
                "date_joined",
                "last_login",
                "is_active",
                "is_staff",
                "is_superuser",
            ),
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "user_permissions": [
                f"{permission.content_type.app_label}.{permission.codename}"
                for permission in permissions
            ],
        },
        "email_addresses": [
            fields_of(address, "id", "email", "verified", "primary")
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "volunteer_profile": _volunteer_profile(user),
    }


def _volunteer_profile(user):
    profile = (
        VolunteerProfile.objects.filter(user=user)
        .select_related("province", "city")
        .prefetch_related("skills", "interests")
        .first()
    )
    if profile is None:
        return None
    return {
        **fields_of(
            profile,
            "id",
            "display_name",
            "phone",
            "availability",
            "languages",
            "bio",
            "resume_public",
            "resume_code",
            "created_at",
            "updated_at",
        ),
        "province": fields_of(profile.province, "code", "name_fa", "name_en"),
        "city": fields_of(profile.city, "name_fa", "name_en"),
        "skills": sorted(skill.name for skill in profile.skills.all()),
        "interests": [
            fields_of(theme, "slug", "name_fa", "name_en") for theme in profile.interests.all()
        ],
        "resume_url": absolute_url(reverse("volunteer_resume_public", args=[profile.resume_code])),
    }


def _decisions_of(applications):
    """The charity's decisions on each application, oldest first, from the audit log: the
    status asked for, the status it led to (an acceptance with no free place wait-lists)
    and the message sent with it. Who decided is not said: it is about someone else."""
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        object_id__in=[str(application.pk) for application in applications],
        action=DECIDED_ACTION,
    ).order_by("timestamp", "pk")
    decisions = {application.pk: [] for application in applications}
    for entry in entries:
        data = entry.data or {}
        decisions[int(entry.object_id)].append(
            {
                "at": entry.timestamp,
                "requested": data.get("requested", ""),
                "status": data.get("status", ""),
                "message": data.get("message", ""),
            }
        )
    return decisions


def _applications_document(request, user):
    applications = list(
        Application.objects.filter(volunteer=user)
        .select_related("opportunity", "opportunity__charity")
        .order_by("created_at", "pk")
    )
    decisions = _decisions_of(applications)
    return [
        {
            **fields_of(application, "id", *APPLICATION_FIELDS),
            "opportunity": {
                "id": application.opportunity.pk,
                "title": application.opportunity.title,
                "url": application.opportunity.get_full_url(request),
                "charity": getattr(application.opportunity.charity, "name", None),
            },
            "decisions": decisions[application.pk],
        }
        for application in applications
    ]


# A charity's records, for its editors

#: Columns copied as they are from the page.
OPPORTUNITY_FIELDS = [
    "kind",
    "summary",
    "is_remote",
    "address",
    "starts_on",
    "ends_on",
    "hours",
    "hours_unit",
    "places",
    "application_deadline",
    "suits_first_timers",
    "minimum_age",
    "needs_prior_training",
    "required_documents",
    "certificate_after_hours",
    "first_published_at",
    "last_published_at",
]
OPPORTUNITY_COLUMNS = [
    "id",
    "language",
    "title",
    "url",
    "live",
    "description",
    "themes",
    "skills",
    "province",
    "city",
    *OPPORTUNITY_FIELDS,
]
APPLICATION_COLUMNS = [
    "id",
    "opportunity_id",
    "opportunity",
    "volunteer_name",
    "volunteer_email",
    "volunteer_phone",
    "volunteer_place",
    "volunteer_skills",
    *APPLICATION_FIELDS,
]


def charity_records(charity, user):
    return ArchivePart(
        order=10,
        files=[
            ArchiveFile(
                "opportunities.csv",
                _(
                    "The charity's opportunities in every language, live or not, with all "
                    "their details."
                ),
            ),
            ArchiveFile(
                "applications.csv",
                _(
                    "Every application to the charity's opportunities, with the applicant's "
                    "details that the charity sees in the admin."
                ),
            ),
        ],
        contents=lambda: [
            ("opportunities.csv", csv_file(OPPORTUNITY_COLUMNS, _opportunity_rows(charity))),
            (
                "applications.csv",
                csv_file(APPLICATION_COLUMNS, _application_rows(charity, user)),
            ),
        ],
    )


def _opportunity_rows(charity):
    opportunities = (
        OpportunityPage.objects.filter(charity=charity)
        .select_related("locale", "province", "city")
        .prefetch_related("themes", "skills")
        .order_by("pk")
    )
    for page in opportunities:
        yield {
            **fields_of(page, *OPPORTUNITY_FIELDS),
            "id": page.pk,
            "language": page.locale.language_code,
            "title": page.title,
            "url": page.full_url or "",
            "live": page.live,
            "description": " ".join(strip_tags(str(page.description)).split()),
            "themes": "; ".join(theme.name for theme in page.themes.all()),
            "skills": "; ".join(skill.name for skill in page.skills.all()),
            "province": page.province.name if page.province else "",
            "city": page.city.name if page.city else "",
        }


def _application_rows(charity, user):
    applications = (
        Application.objects.for_reviewer(user)
        .filter(opportunity__charity=charity)
        .select_related(
            "opportunity",
            "volunteer__volunteer_profile__province",
            "volunteer__volunteer_profile__city",
        )
        .prefetch_related("volunteer__volunteer_profile__skills")
        .order_by("created_at", "pk")
    )
    for application in applications:
        profile = getattr(application.volunteer, "volunteer_profile", None)
        yield {
            **fields_of(application, *APPLICATION_FIELDS),
            "id": application.pk,
            "opportunity_id": application.opportunity_id,
            "opportunity": application.opportunity.title,
            "volunteer_name": application.volunteer_name,
            "volunteer_email": application.volunteer_email,
            "volunteer_phone": application.volunteer_phone,
            "volunteer_place": application.volunteer_place,
            "volunteer_skills": "; ".join(skill.name for skill in profile.skills.all())
            if profile
            else "",
        }

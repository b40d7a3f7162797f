"""What the experience app adds to the archives of ``nikrah.archives``: a volunteer's hours,
certificates (each as PDF and as the signed credential a verifier checks) and résumé to
their own download; the hours and certificates of a charity's volunteers to its editors'
download."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from experience.models import Certificate, HoursEntry
from experience.views.resume import resume_pdf
from experience.views.verification import certificate_pdf_content, signed_credential
from nikrah.archives import ArchiveFile, ArchivePart, acted_by, csv_file, fields_of, json_file
from nikrah.mail import absolute_url
from opportunities.models import VolunteerProfile

HOURS_FIELDS = ["date", "hours", "description", "status", "reviewed_at", "note", "created_at"]
# What a certificate says, as issued and as revoked (the ids of its records stand apart).
CERTIFICATE_FIELDS = [
    name
    for name in (*Certificate.IMMUTABLE_FIELDS, *Certificate.REVOCATION_FIELDS)
    if not name.endswith("_id") and name != "status_index"
]


def _verification_url(certificate):
    return absolute_url(reverse("certificate_verify", args=[certificate.code]))


# A volunteer's own download


def personal_data(request, user):
    language = get_language()
    certificates = list(
        Certificate.objects.filter(volunteer=user)
        .select_related("charity", "application__opportunity")
        .order_by("issued_on", "pk")
    )
    profile = VolunteerProfile.objects.filter(user=user).first()
    files = [
        ArchiveFile(
            "hours.json",
            _(
                "Every day of hours you logged or the charity recorded for you, confirmed or "
                "not, with the charity's note."
            ),
        ),
        ArchiveFile(
            "certificates.json",
            _("Your certificates, valid and revoked, as each was issued, with its address."),
        ),
        ArchiveFile("certificates/<code>.pdf", _("Each certificate as a PDF.")),
        ArchiveFile(
            "certificates/<code>.jwt",
            _(
                "Each certificate as the signed Open Badges 3.0 credential (VC-JWT) that "
                "Nikrah issues at the certificate's /credential/ address; anyone can check "
                "its signature with the keys published at /.well-known/jwks.json and whether "
                "it is revoked in /credentials/revocation-list/."
            ),
        ),
    ]
    if profile is not None:
        files.append(
            ArchiveFile("resume.pdf", _("Your résumé as a PDF, whether public or private."))
        )

    def contents():
        yield "hours.json", json_file(_hours_document(user))
        yield "certificates.json", json_file([_certificate(c, user) for c in certificates])
        for certificate in certificates:
            code = certificate.code
            yield f"certificates/{code}.pdf", certificate_pdf_content(certificate, language)
            yield f"certificates/{code}.jwt", signed_credential(certificate, language)
        if profile is not None:
            yield "resume.pdf", resume_pdf(request, profile)

    return ArchivePart(
        order=20,
        files=files,
        contents=contents,
        notes=[
            _(
                "The PDFs and credentials are in the language of the site you downloaded "
                "from; download from the other language's site for the other version."
            ),
        ],
    )


def _hours_document(user):
    entries = (
        HoursEntry.objects.filter(application__volunteer=user)
        .select_related("application__opportunity")
        .order_by("date", "pk")
    )
    return [
        {
            **fields_of(entry, "id", *HOURS_FIELDS),
            "application": entry.application_id,
            "opportunity": entry.application.opportunity.title,
            "recorded_by": acted_by(entry.recorded_by_id, user.pk),
            "reviewed_by": acted_by(entry.reviewed_by_id, user.pk),
        }
        for entry in entries
    ]


def _certificate(certificate, user):
    return {
        **fields_of(certificate, "id", *CERTIFICATE_FIELDS, "status_index"),
        "application": certificate.application_id,
        "charity": getattr(certificate.charity, "name", None),
        "issued_by": acted_by(certificate.issued_by_id, user.pk),
        "revoked_by": acted_by(certificate.revoked_by_id, user.pk),
        "verification_url": _verification_url(certificate),
        "pdf": f"certificates/{certificate.code}.pdf",
        "credential": f"certificates/{certificate.code}.jwt",
    }


# A charity's records, for its editors

HOURS_COLUMNS = ["id", "application_id", "opportunity", "volunteer_name", "recorded_by"]
CERTIFICATE_COLUMNS = ["application_id", *CERTIFICATE_FIELDS, "verification_url"]


def charity_records(charity, user):
    return ArchivePart(
        order=20,
        files=[
            ArchiveFile(
                "hours.csv",
                _("Every day of hours of the charity's volunteers, confirmed or not."),
            ),
            ArchiveFile(
                "certificates.csv",
                _("Every certificate the charity has issued, valid and revoked."),
            ),
        ],
        contents=lambda: [
            ("hours.csv", csv_file([*HOURS_COLUMNS, *HOURS_FIELDS], _hours_rows(charity, user))),
            ("certificates.csv", csv_file(CERTIFICATE_COLUMNS, _certificate_rows(charity, user))),
        ],
    )


def _hours_rows(charity, user):
    entries = (
        HoursEntry.objects.for_reviewer(user)
        .filter(application__opportunity__charity=charity)
        .select_related("application__opportunity", "application__volunteer__volunteer_profile")
        .order_by("date", "pk")
    )
    for entry in entries:
        application = entry.application
        yield {
            **fields_of(entry, "id", *HOURS_FIELDS),
            "application_id": application.pk,
            "opportunity": application.opportunity.title,
            "volunteer_name": application.volunteer_name,
            "recorded_by": acted_by(entry.recorded_by_id, application.volunteer_id),
        }


def _certificate_rows(charity, user):
    certificates = (
        Certificate.objects.for_reviewer(user)
        .filter(application__opportunity__charity=charity)
        .order_by("issued_on", "pk")
    )
    for certificate in certificates:
        yield {
            **fields_of(certificate, *CERTIFICATE_FIELDS),
            "application_id": certificate.application_id,
            "verification_url": _verification_url(certificate),
        }

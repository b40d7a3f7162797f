"""Demo content of the experience app: volunteer1's past volunteering."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from experience import recording
from experience.models import Certificate, HoursEntry
from opportunities import applying
from opportunities.demo import ensure_opportunity
from opportunities.models import Application

# Opportunities that have ended, in which volunteer1 took part: (as
# opportunities.demo.OPPORTUNITIES) + extra fields, then the hours she gave (days ago, hours,
# confirmed by whom) and what followed.
PAST_EXPERIENCES = [
    (
        (
            "children",
            "mobile-library",
            "summer-reading",
            "کارگاه کتاب‌خوانی تابستانه",
            "recurring",
            "IR-23",
            False,
            -150,
            60,
            8,
            None,
            True,
            ["children", "culture"],
            ["قصه‌گویی"],
        ),
        {"certificate_after_hours": 20},
        [(140, "6"), (133, "6"), (126, "5.5"), (119, "6"), (112, "4")],
        "participation",
    ),
    (
        (
            "health",
            None,
            "hospital-play-corner",
            "گوشهٔ بازی کودکان در بیمارستان",
            "recurring",
            "IR-23",
            False,
            -100,
            45,
            6,
            None,
            False,
            ["health", "children"],
            ["کار با کودکان"],
        ),
        {},
        [(95, "3"), (88, "3"), (81, "3.5")],
        "revoked",
    ),
    (
        (
            "education",
            "volunteer-training",
            "volunteer-orientation",
            "دورهٔ آموزشی آشنایی با کار داوطلبانه",
            "training",
            "IR-23",
            False,
            -60,
            1,
            30,
            None,
            True,
            ["education"],
            ["کار گروهی"],
        ),
        {},
        [(60, "4"), (59, "4")],
        "completed",
    ),
]


def load(home, stdout):
    """volunteer1's past volunteering: confirmed hours with several charities, a certificate
    of each kind (one revoked) and a public résumé. History is written as it would have
    happened: she applied before each opportunity began, so those applications are created
    as accepted; everything after that goes through the same rules as the site."""
    volunteer = get_user_model().objects.get(username="volunteer1")
    if HoursEntry.objects.filter(application__volunteer=volunteer).exists():
        return
    today = timezone.localdate()
    for row, extra, hours, outcome in PAST_EXPERIENCES:
        opportunity = ensure_opportunity(today, *row, stdout=stdout, **extra)
        editor = (
            opportunity.charity.editors_group.user_set.first()
            if opportunity.charity and opportunity.charity.editors_group
            else None
        )
        application, _created = Application.objects.get_or_create(
            opportunity=opportunity,
            volunteer=volunteer,
            defaults={
                "motivation": "دوست دارم تجربه‌ی تازه‌ای در کار داوطلبانه داشته باشم.",
                "availability": "آخر هفته‌ها",
                "consent_to_share": True,
                "status": Application.Status.ACCEPTED,
            },
        )
        entries = [
            recording.log_hours(
                application,
                volunteer,
                date=today - datetime.timedelta(days=days_ago),
                hours=Decimal(amount),
                description=f"همکاری در «{opportunity.title}»",
            )
            for days_ago, amount in hours
        ]
        # The charity confirms all but the last entry of the revoked one (still pending).
        to_confirm = entries[:-1] if outcome == "revoked" else entries
        recording.review_hours(to_confirm, HoursEntry.Status.CONFIRMED, user=editor)
        applying.complete(application)  # a completed training issues its certificate
        if outcome in ("participation", "revoked"):
            certificate = recording.issue_certificate(
                application, Certificate.Kind.PARTICIPATION, user=editor
            )
            if outcome == "revoked":
                recording.revoke_certificate(
                    certificate,
                    reason="به اشتباه برای دورهٔ دیگری صادر شده بود.",
                    user=editor,
                )
    profile = volunteer.volunteer_profile
    profile.resume_public = True
    profile.save(update_fields=["resume_public"])
    stdout.write("  experience: volunteer1 (hours, certificates, public résumé)")

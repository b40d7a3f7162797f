"""The download of everything Nikrah holds about the signed-in person, as one archive of
JSON and PDF files (see ``nikrah.archives``), from their profile.

Only their own: the address names nobody, and each app builds its share from the
signed-in user alone. Downloading changes nothing and no cache keeps the archive.
"""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from nikrah.archives import archive_response, personal_data_parts

NOTES = [
    _(
        "The JSON files are in UTF-8 with field names in English. Dates and times are in "
        "ISO 8601 (Gregorian calendar; times in Tehran time with their offset) and hours are "
        "numbers, so that any program reads them."
    ),
    _(
        "Where a record says who did something (recorded_by, reviewed_by, issued_by, "
        'revoked_by, moderated_by), "volunteer" means you and "staff" someone acting for a '
        "charity or the platform; null means nobody, e.g. a certificate issued "
        "automatically. Their names, and anything about other applicants, are left out: "
        "they are about other people."
    ),
    _(
        "Everything the charities recorded about you is included: their messages to you, "
        "their notes on your hours and the history of their decisions on your applications. "
        "The right to see one's personal data (as under the GDPR) covers what others record "
        "about a person, so none of it is left out; Nikrah keeps no other notes about you."
    ),
    _(
        "Not included: your password, which is kept only as a one-way hash that cannot be "
        "read back; your sign-in sessions; and copies of the e-mails we sent you, which stay "
        "in the sending queue only until it is cleared and may hold sign-in codes. Messages "
        "sent through the feedback form are not tied to an account."
    ),
]


@login_required
@require_safe
def download_my_data(request):
    user = request.user
    return archive_response(
        personal_data_parts(request, user),
        filename=f"nikrah-my-data-{timezone.localdate():%Y-%m-%d}.zip",
        title=_("Everything Nikrah holds about you"),
        about=format_lazy(
            _("The data of the account {account}, downloaded from its profile page."),
            account=user.email or user.get_username(),
        ),
        notes=NOTES,
    )

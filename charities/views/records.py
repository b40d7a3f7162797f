"""The download of a charity's records in the admin, for its editors and platform admins:
one archive of its opportunities, applications, hours and certificates (``charities.archives``).
Another charity's records are a 404, as if they did not exist."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from charities.archives import charities_whose_records, record_parts
from nikrah.archives import archive_response

NOTES = [
    _(
        "The files are CSV in UTF-8, one row per record, with column names in English; "
        "spreadsheet programs open them. Dates and times are in ISO 8601 (Gregorian "
        "calendar; times in Tehran time with their offset), so that any program reads them."
    ),
    _(
        "Applicants' contact details are here because the charity sees them in the admin: "
        "keep this archive as carefully as the admin itself, and delete it when it is no "
        "longer needed."
    ),
    _(
        'In "recorded_by", "volunteer" means the volunteer logged the hours and "staff" '
        "that someone acting for the charity or the platform recorded them."
    ),
]


@require_safe
def download_records(request, pk):
    charity = get_object_or_404(charities_whose_records(request.user), pk=pk)
    return archive_response(
        record_parts(charity, request.user),
        filename=f"nikrah-charity-{charity.pk}-{timezone.localdate():%Y-%m-%d}.zip",
        title=format_lazy(_("Records of {charity} on Nikrah"), charity=charity.name),
        about=_(
            "The opportunities of the charity, the applications to them, the volunteers' "
            "hours and the certificates issued, as downloaded from the admin."
        ),
        notes=NOTES,
    )

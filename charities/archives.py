"""A charity's records as one archive its editors download in the admin (see
``nikrah.archives``): the charity itself from here; its opportunities, applications, hours
and certificates from the apps that hold them, through ``CHARITY_RECORDS_HOOK``.

A function registered under that hook takes ``(charity, user)`` and returns an
``ArchivePart`` (or None) holding only what ``user`` may see of the charity in the admin.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from charities.models import Charity
from charities.services import charities_of
from nikrah.archives import ArchiveFile, ArchivePart, csv_file, fields_of

CHARITY_RECORDS_HOOK = "register_charity_records"

CHARITY_FIELDS = ["id", "name", "is_trusted", "trusted_since", "created_at"]
CHARITY_COLUMNS = [*CHARITY_FIELDS, "profile_url"]


def charities_whose_records(user):
    """The charities whose records ``user`` may download: those they edit, and every one
    for platform admins. Committee members and other charities' editors get none."""
    if not (user.is_authenticated and user.is_active):
        return Charity.objects.none()
    if user.is_superuser:
        return Charity.objects.all()
    return charities_of(user)


def record_parts(charity, user):
    """Every app's share of ``charity``'s records, as ``user`` may see them, in order."""
    parts = (fn(charity, user) for fn in hooks.get_hooks(CHARITY_RECORDS_HOOK))
    return sorted((part for part in parts if part is not None), key=lambda part: part.order)


def charity_record(charity, user):
    def row():
        profile = charity.profile
        return {
            **fields_of(charity, *CHARITY_FIELDS),
            "profile_url": profile.full_url if profile and profile.live else "",
        }

    return ArchivePart(
        order=0,
        files=[
            ArchiveFile(
                "charity.csv",
                _("The charity as the network knows it: name, trusted mark, date it joined."),
            )
        ],
        contents=lambda: [("charity.csv", csv_file(CHARITY_COLUMNS, [row()]))],
    )

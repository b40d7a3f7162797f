"""What the experience app keeps of a volunteer who deleted their account.

Hours stay, with their date, number and status, so that every total and report stays true;
what the volunteer or the charity wrote about them goes. Certificates are the holder's to
decide on the deletion page: kept as issued (their pages keep the name, as a diploma does)
or withdrawn (revoked at the holder's request, the name taken off). Either way the audit
log's entries for these records name nobody.
"""

from django.utils.translation import gettext

from experience import recording
from experience.models import Certificate, HoursEntry
from nikrah.audit import relabel_log_entries

#: The deletion page's question about certificates, and its answers.
CERTIFICATES_CHOICE = "certificates"
KEEP = "keep"
WITHDRAW = "withdraw"


def anonymous_certificate_label(certificate):
    """How the audit log names a certificate once its holder has deleted their account."""
    return f"{certificate.code} · {gettext('Deleted volunteer')} · {certificate.role}"


def erase_volunteer(user, choice):
    """Forget what the hours of ``user`` say, and keep or withdraw their certificates as
    they chose (``KEEP`` when they had nothing to choose)."""
    hours = HoursEntry.objects.filter(application__volunteer=user)
    hours.update(description="", note="")
    relabel_log_entries(hours.select_related("application__volunteer"))
    if choice == WITHDRAW:
        recording.withdraw_certificates(user)
    relabel_log_entries(Certificate.objects.filter(volunteer=user), anonymous_certificate_label)

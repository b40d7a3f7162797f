"""How the experience app follows what happens to applications and to volunteers' accounts
(``opportunities.signals``, ``nikrah.signals``)."""

from experience import erasure
from experience.recording import issue_due_certificates
from nikrah.signals import volunteer_account_deleted
from opportunities.signals import application_completed


def issue_certificates_on_completion(sender, application, **kwargs):
    """Completing an application may make certificates due (e.g. a completed training)."""
    issue_due_certificates(application)


def erase_deleted_volunteer(sender, user, choices, **kwargs):
    """A volunteer deleted their account: their hours and certificates, as they chose."""
    erasure.erase_volunteer(user, choices.get(erasure.CERTIFICATES_CHOICE, erasure.KEEP))


def connect():
    application_completed.connect(
        issue_certificates_on_completion, dispatch_uid="experience_certificates_on_completion"
    )
    volunteer_account_deleted.connect(
        erase_deleted_volunteer, dispatch_uid="experience_erase_deleted_volunteer"
    )

"""How the experience app follows what happens to applications (``opportunities.signals``)."""

from experience.recording import issue_due_certificates
from opportunities.signals import application_completed


def issue_certificates_on_completion(sender, application, **kwargs):
    """Completing an application may make certificates due (e.g. a completed training)."""
    issue_due_certificates(application)


def connect():
    application_completed.connect(
        issue_certificates_on_completion, dispatch_uid="experience_certificates_on_completion"
    )

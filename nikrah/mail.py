"""The site's e-mails go out through one function, so that moving them to background tasks
later changes one place."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path):
    """``path`` as a link that works from an e-mail (WAGTAILADMIN_BASE_URL is the base)."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path)


def send_templated_email(
    to, subject_template, body_template, context, language, html_template=None
):
    """Render the subject, the plain-text body (and optionally an HTML body) in ``language``
    and send them to ``to`` once the current transaction commits (at once outside one).

    A failure to send is logged, never raised: it must not undo or break what the person did.
    """
    recipients = [to] if isinstance(to, str) else list(to)

    def send():
        with translation.override(language):
            subject = " ".join(render_to_string(subject_template, context).split())
            body = render_to_string(body_template, context)
            html = render_to_string(html_template, context) if html_template else None
        message = EmailMultiAlternatives(subject, body, to=recipients)
        if html:
            message.attach_alternative(html, "text/html")
        message.send()

    transaction.on_commit(send, robust=True)

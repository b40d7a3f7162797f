"""The site's e-mails go out through one function and one background task.

A message is rendered when the transaction that asked for it commits, then queued as a task
(django-tasks; the database backend and ``manage.py db_worker`` outside tests). Sending
happens in the worker: a mail server that is down never undoes or breaks what the person
did, and a failed delivery is queued again with a growing delay. One that never answers fails
the attempt after EMAIL_TIMEOUT; a worker that dies in the middle of a delivery leaves it to
the next worker (nikrah.task_leases).
"""

import logging
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

logger = logging.getLogger(__name__)

#: Minutes to wait before each new attempt; after the last one the message is given up.
RETRY_DELAYS = (1, 5, 30, 120, 720)


def absolute_url(path):
    """``path`` as a link that works from an e-mail (WAGTAILADMIN_BASE_URL is the base)."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path)


def send_templated_email(
    to, subject_template, body_template, context, language, html_template=None
):
    """Render the subject, the plain-text body (and optionally an HTML body) in ``language``
    and queue them for delivery once the current transaction commits (at once outside one).

    Nothing here raises: a failure to render or queue is logged, so that it cannot undo or
    break what the person did.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        return

    def render_and_queue():
        with translation.override(language):
            subject = " ".join(render_to_string(subject_template, context).split())
            body = render_to_string(body_template, context)
            html = render_to_string(html_template, context) if html_template else None
        deliver_email.enqueue(recipients, subject, body, html)

    transaction.on_commit(render_and_queue, robust=True)


class TaskQueueConnection(BaseEmailBackend):
    """A mail "connection" that queues each message for the task worker instead of sending
    it: give it to a message rendered elsewhere (e.g. by django-allauth) as its
    ``connection``, and that message is delivered, and retried, like the site's own."""

    def send_messages(self, email_messages):
        for message in email_messages:
            html = next(
                (
                    content
                    for content, mimetype in getattr(message, "alternatives", [])
                    if mimetype == "text/html"
                ),
                None,
            )
            deliver_email.enqueue(list(message.to), message.subject, message.body, html)
        return len(email_messages)


@task()
def deliver_email(recipients, subject, body, html=None, attempt=1):
    """Send one rendered message. When sending fails, the same message is queued again
    (later, where the task backend can defer) and this attempt is recorded as failed."""
    message = EmailMultiAlternatives(subject, body, to=recipients)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:
        if attempt > len(RETRY_DELAYS):
            logger.exception(
                "Giving up e-mail %r to %s after %d attempts", subject, recipients, attempt
            )
            raise
        logger.warning(
            "E-mail %r to %s failed (attempt %d); retrying", subject, recipients, attempt
        )
        retry = deliver_email
        if retry.get_backend().supports_defer:
            delay = timedelta(minutes=RETRY_DELAYS[attempt - 1])
            retry = retry.using(run_after=timezone.now() + delay)
        retry.enqueue(recipients, subject, body, html, attempt + 1)
        raise

"""The site's e-mails go out through one function and one background task.

A message is rendered when the transaction that asked for it commits, then queued as a task
(django-tasks; the database backend and ``manage.py db_worker`` outside tests). Sending
happens in the worker: a mail server that is down never undoes or breaks what the person
did, and a failed delivery is queued again with a growing delay. One that never answers fails
the attempt after EMAIL_TIMEOUT; a worker that dies in the middle of a delivery leaves it to
the next worker (nikrah.task_leases).
"""

import json
import logging
from datetime import timedelta
from functools import reduce
from operator import or_
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from django_tasks_db.models import DBTaskResult

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
    # An address erased with its account ("") is nobody to write to.
    recipients = [address for address in ([to] if isinstance(to, str) else to) if address]
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


def forget_messages_mentioning(words):
    """Delete every message, queued or already delivered, whose recipients, subject or body
    mention any of ``words`` (e.g. the addresses of a person who deleted their account, or
    links to their records): the task backend keeps each message's text with its result,
    and what a failed delivery said in its traceback."""
    words = [word for word in words if word]
    if not words:
        return
    mentions = []
    for word in words:
        # SQLite keeps JSON with non-ASCII letters escaped (\u0646…); PostgreSQL as letters.
        for form in {word, json.dumps(word)[1:-1]}:
            mentions += [
                Q(args_kwargs__icontains=form),
                Q(return_value__icontains=form),
                Q(traceback__icontains=form),
            ]
    DBTaskResult.objects.filter(task_path=deliver_email.module_path).filter(
        reduce(or_, mentions)
    ).delete()

"""E-mails about applications go out through background tasks: a mail server that fails
never loses an application, and the e-mail is sent again later."""

import datetime

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from charities.factories import UserFactory
from charities.services import add_editor
from opportunities import applying
from opportunities.factories import VolunteerFactory
from opportunities.models import Application
from tests.test_applications import application_form, build_opportunity

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class FlakyMailServer(EmailBackend):
    """An outbox whose server refuses the first ``failures`` messages."""

    failures = 0

    def send_messages(self, messages):
        if FlakyMailServer.failures > 0:
            FlakyMailServer.failures -= 1
            raise ConnectionRefusedError("the mail server is down")
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail(settings):
    settings.EMAIL_BACKEND = "tests.test_application_emails.FlakyMailServer"
    FlakyMailServer.failures = 0
    yield FlakyMailServer
    FlakyMailServer.failures = 0


@pytest.fixture
def opportunity(home_page):
    opportunity = build_opportunity(home_page, places=1)
    editor = UserFactory(username="editor1", email="editor1@example.org")
    add_editor(opportunity.charity, editor)
    return opportunity


def test_applying_confirms_to_the_volunteer_and_tells_the_charity(
    client, opportunity, mailoutbox, django_capture_on_commit_callbacks
):
    volunteer = VolunteerFactory(profile__display_name="زهرا احمدی")
    client.force_login(volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(opportunity.url + "apply/", application_form())
    to_volunteer, to_charity = sorted(
        mailoutbox, key=lambda message: message.to[0] != volunteer.email
    )
    assert to_volunteer.to == [volunteer.email]
    assert opportunity.title in to_volunteer.subject
    assert "درخواست شما" in to_volunteer.body
    assert to_charity.to == ["editor1@example.org"]
    assert "زهرا احمدی" in to_charity.body
    application = Application.objects.get()
    assert f"/admin/applications/inspect/{application.pk}/" in to_charity.body
    # The charity's notice names the applicant but carries none of their contact details.
    assert volunteer.email not in to_charity.body


def test_english_applicants_get_english_e_mails(
    opportunity, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        applying.apply(
            opportunity,
            VolunteerFactory(),
            motivation="m",
            availability="a",
            consent=True,
            language="en",
        )
    application = Application.objects.get()
    assert application.language == "en"
    [to_volunteer] = [m for m in mailoutbox if m.to == [application.volunteer.email]]
    assert "We have received your application" in to_volunteer.body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        applying.accept(application)
    [message] = mailoutbox
    assert "Good news" in message.body


def test_every_status_change_is_e_mailed_to_the_volunteer(
    opportunity, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = VolunteerFactory(), VolunteerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        a, _ = applying.apply(opportunity, first, motivation="m", availability="a", consent=True)
        b, _ = applying.apply(opportunity, second, motivation="m", availability="a", consent=True)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        applying.accept(a, "خوش آمدید")
        applying.accept(b)  # no place left: wait-listed
    assert [m.to for m in mailoutbox] == [[first.email], [second.email]]
    assert "پذیرفته" in mailoutbox[0].subject and "خوش آمدید" in mailoutbox[0].body
    assert "فهرست انتظار" in mailoutbox[1].subject

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        applying.withdraw(a, first)  # the volunteer withdraws: the charity hears of it too
        applying.offer_next(opportunity)
    recipients = [m.to[0] for m in mailoutbox]
    assert recipients == [first.email, "editor1@example.org", second.email]

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        applying.accept(b)  # already accepted: nothing changes, nothing is sent
    assert mailoutbox == []


def test_a_failing_mail_server_loses_nothing_and_the_e_mail_is_retried(
    client, opportunity, flaky_mail, django_capture_on_commit_callbacks
):
    """The immediate task backend (as in tests): the first attempt fails, the retry sends."""
    flaky_mail.failures = 2  # the confirmation's first attempt, then the notice's
    volunteer = VolunteerFactory()
    client.force_login(volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(opportunity.url + "apply/", application_form())
    assert response.status_code == 302
    assert Application.objects.filter(volunteer=volunteer).exists()
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([volunteer.email, "editor1@example.org"])


def test_an_e_mail_that_never_goes_is_given_up_without_harm(
    client, opportunity, flaky_mail, django_capture_on_commit_callbacks
):
    flaky_mail.failures = 1000
    client.force_login(VolunteerFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(opportunity.url + "apply/", application_form())
    assert response.status_code == 302
    assert Application.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_task_worker_retries_a_failed_e_mail_later(
    client, settings, opportunity, flaky_mail
):
    """With the database backend a failed delivery is queued again for later, and the
    worker (``manage.py db_worker``) sends it once the mail server is back."""
    settings.TASKS = DATABASE_TASKS
    emails = DBTaskResult.objects.filter(task_path="nikrah.mail.deliver_email")
    volunteer = VolunteerFactory()
    client.force_login(volunteer)
    response = client.post(opportunity.url + "apply/", application_form())
    assert response.status_code == 302
    assert Application.objects.filter(volunteer=volunteer).exists()
    assert emails.filter(status="READY").count() == 2  # queued, not sent
    assert mail.outbox == []

    flaky_mail.failures = 2  # the server is down for the first run of the worker
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert emails.filter(status="FAILED").count() == 2
    retries = emails.filter(status="READY")
    assert retries.count() == 2
    assert all(retry.run_after > timezone.now() for retry in retries)
    assert mail.outbox == []

    # Later, the retries are due and the server is back.
    retries.update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert emails.filter(status="SUCCESSFUL").count() == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [volunteer.email, "editor1@example.org"]
    )

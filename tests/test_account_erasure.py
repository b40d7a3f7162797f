"""Finding 5 of the security review: after volunteer1 deleted their account, their name was
still in the audit log and on certificate pages, and what they wrote was kept. Now a
volunteer who deletes their account leaves nothing behind that names or describes them, in
any table; their certificates are theirs to keep or withdraw on the deletion page."""

import json
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from experience import credentials
from experience.erasure import KEEP, WITHDRAW
from experience.models import Certificate, HoursEntry
from experience.views.report import volunteer_experience_rows
from newsroom.models import Comment, NewsPage
from nikrah.demo import DEMO_PASSWORD
from nikrah.mail import deliver_email
from nikrah.persian import to_persian_digits
from nikrah.sections import home_figures
from nikrah.spam import form_stamp
from opportunities import applying
from opportunities.models import Application, OpportunityPage
from tests.test_certificates import _published

User = get_user_model()

# volunteer1 of the demo, and what they or the charities wrote about them.
NAME, EMAIL, PHONE = "نرگس احمدی", "volunteer1@nikrah.localhost", "09120000001"
IDENTIFIERS = (NAME, EMAIL, PHONE, to_persian_digits(PHONE))
MOTIVATION = "سال‌ها در کتابخانهٔ محله‌مان برای بچه‌ها کتاب خوانده‌ام."
MESSAGE = f"{NAME} عزیز، جای خالی که پیدا شد خبرتان می‌کنیم."
WRITTEN = (
    MOTIVATION,
    MESSAGE,
    "به کار با کودکان و خانواده‌ها علاقه دارم.",  # the demo's applications
    "دوست دارم تجربه‌ی تازه‌ای در کار داوطلبانه داشته باشم.",
    "همکاری در «",  # the demo's hours
    "دانشجوی روان‌شناسی",  # the demo's profile
)
COMMENT_ANSWERED = "این گزارش مرا یاد نخستین روز داوطلبی‌ام انداخت."
COMMENT_PENDING = "کاش کارگاه بعدی در اصفهان هم برگزار شود."
WRITTEN = (*WRITTEN, COMMENT_ANSWERED, COMMENT_PENDING)
REPLY = "خوشحالیم که به یادتان آمد."
DELETE_URL = "/volunteer/account/delete/"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def readable(table, column, value):
    """A stored value as a person would read it: JSON without its \\u escapes (SQLite keeps
    non-ASCII letters so), sessions decoded, bytes as text."""
    if isinstance(value, (bytes, memoryview)):
        value = bytes(value).decode("utf-8", "replace")
    if table == "django_session" and column == "session_data":
        value = SessionStore().decode(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if not isinstance(value, str):
        return ""
    try:
        return value + json.dumps(json.loads(value), ensure_ascii=False)
    except ValueError:
        return value


def where_mentioned(words=IDENTIFIERS):
    """(table, column, the row's first column) of every value in every table of the database
    that holds one of ``words``, read with plain SQL."""
    found = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = readable(table, column, value)
                    if any(word in text for word in words):
                        found.add((table, column, row[0]))
    return found


def sessions_of(user):
    return [
        session
        for session in SessionStore.get_model_class().objects.all()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]


@pytest.fixture
def volunteer(demo, client, settings, django_capture_on_commit_callbacks):
    """volunteer1, signed in on two devices, who applies to one more opportunity; its
    charity wait-lists them in the admin with a message. The e-mails about it wait in the
    database's task queue, as they do in production."""
    settings.TASKS = DATABASE_TASKS
    volunteer = User.objects.get(username="volunteer1")
    Client().force_login(volunteer)  # another device
    response = client.post("/account/login/", {"login": EMAIL, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    opportunity = next(
        page
        for page in OpportunityPage.objects.live().filter(
            locale__language_code="fa", charity__editors_group__user__isnull=False
        )
        if not page.applications.filter(volunteer=volunteer).exists()
        if not page.is_past() and not page.is_closed()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{opportunity.url}apply/",
            {"motivation": MOTIVATION, "availability": "پنجشنبه‌ها", "consent": "on"},
        )
    assert response.status_code == 302
    application = Application.objects.get(volunteer=volunteer, opportunity=opportunity)
    editor = Client()
    editor.force_login(opportunity.charity.editors_group.user_set.first())
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("applications:edit", args=[application.pk]),
            {"status": Application.Status.WAITLISTED, "message": MESSAGE},
        )
    assert response.status_code == 302
    # On the news, they commented twice with the address of their account, under their
    # name; one comment was approved and answered by someone else.
    article = NewsPage.objects.live().filter(locale__language_code="fa").first()
    for text in (COMMENT_ANSWERED, COMMENT_PENDING):
        response = client.post(
            f"{article.url}comment/",
            {"name": NAME, "email": EMAIL.upper(), "text": text, "website_url": ""}
            | {"form_stamp": form_stamp(time.time() - 30)},
            REMOTE_ADDR=f"203.0.113.{len(text)}",
        )
        assert response.status_code == 302
    answered = Comment.objects.get(text=COMMENT_ANSWERED)
    answered.status = Comment.Status.APPROVED
    answered.save()
    Comment.objects.create(
        page=article,
        parent=answered,
        name="مینا",
        email="mina@example.org",
        text=REPLY,
        status=Comment.Status.APPROVED,
    )
    return volunteer


def delete_account(client, choice=None):
    """What the volunteer does: open the deletion page, choose, give the password."""
    page = client.get(DELETE_URL).content.decode()
    assert ('name="certificates"' in page) == (choice is not None)
    data = {"password": DEMO_PASSWORD} | ({"certificates": choice} if choice else {})
    response = client.post(DELETE_URL, data)
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == "/volunteer/account/deleted/"


def certificate_page(client, certificate):
    return client.get(f"/certificates/{certificate.code}/").content.decode()


def revoked_in_published_list(client, certificate):
    """Whether the signed revocation list a verifier fetches marks ``certificate``."""
    jwks, status_list = _published(client)
    encoded = credentials.verify_credential(status_list, jwks)["credentialSubject"]["encodedList"]
    return credentials.is_set(encoded, certificate.status_index)


@pytest.mark.parametrize("choice", [KEEP, WITHDRAW])
def test_no_table_names_a_volunteer_who_deleted_their_account(client, volunteer, choice):
    """Finding 5 of the security review: every table, every column, read with plain SQL,
    holds the deleted volunteer's name, e-mail or phone nowhere, except on the certificates
    they chose to keep; nothing they wrote or was written to them remains either."""
    before = where_mentioned()
    # The scan sees every place the person was: the audit log, e-mails waiting in the
    # queue (whose JSON SQLite escapes), the certificates, the profile, the account.
    assert {table for table, _column, _row in before} >= {
        "auth_user",
        "account_emailaddress",
        "opportunities_volunteerprofile",
        "wagtailcore_modellogentry",
        "django_tasks_database_dbtaskresult",
        "experience_certificate",
    }
    assert len(sessions_of(volunteer)) == 2
    certificates = list(Certificate.objects.filter(volunteer=volunteer))
    assert len(certificates) == 4

    delete_account(client, choice)

    kept = {("experience_certificate", "volunteer_name", c.pk) for c in certificates}
    assert where_mentioned() == (kept if choice == KEEP else set())
    assert where_mentioned(WRITTEN) == set()
    assert sessions_of(volunteer) == []  # signed out on the other device too


def test_kept_certificates_still_name_their_holder(client, volunteer):
    """Finding 5 of the security review: a volunteer who keeps their certificates keeps
    them as a diploma: valid, with their name, and not in the revocation list."""
    valid = list(Certificate.objects.filter(volunteer=volunteer).valid())
    delete_account(client, KEEP)
    for certificate in valid:
        page = certificate_page(client, certificate)
        assert NAME in page and "این گواهی معتبر است" in page
        assert not revoked_in_published_list(client, certificate)
        assert client.get(f"/certificates/{certificate.code}/credential/").status_code == 200


def test_withdrawn_certificates_are_revoked_and_no_longer_name_their_holder(client, volunteer):
    """Finding 5 of the security review: withdrawn certificates say so on their pages,
    without the holder's name, and verifiers of their signed credentials find them revoked."""
    certificates = list(Certificate.objects.filter(volunteer=volunteer))
    valid = [certificate for certificate in certificates if not certificate.is_revoked]
    tokens = {
        certificate.pk: client.get(f"/certificates/{certificate.code}/credential/").content
        for certificate in valid
    }
    assert not any(revoked_in_published_list(client, certificate) for certificate in valid)

    delete_account(client, WITHDRAW)

    for certificate in certificates:
        page = certificate_page(client, certificate)
        assert NAME not in page
        assert "به درخواست دارنده نشان داده نمی‌شود" in page
        assert revoked_in_published_list(client, certificate)
        assert client.get(f"/certificates/{certificate.code}/pdf/").status_code == 404
        assert client.get(f"/certificates/{certificate.code}/credential/").status_code == 404
    for certificate in valid:
        assert "به درخواست دارنده‌اش پس گرفته شد" in certificate_page(client, certificate)
        certificate.refresh_from_db()
        assert certificate.revoked_reason == "به درخواست دارنده"
        jwks, status_list = _published(client)
        with pytest.raises(credentials.InvalidCredential, match="revoked"):
            credentials.check_credential(tokens[certificate.pk].decode(), jwks, status_list)
    # One revoked by its charity before stays revoked for the charity's reason.
    earlier = next(certificate for certificate in certificates if certificate.is_revoked)
    assert "باطل شد" in certificate_page(client, earlier)


def _totals():
    admin = User(is_superuser=True, is_active=True)
    home = Site.objects.get(is_default_site=True).root_page
    return {
        "places taken": {
            page.pk: applying.places_taken(page) for page in OpportunityPage.objects.all()
        },
        "home figures": {figure.key: figure.count(home) for figure in home_figures()},
        "report": [
            (row.opportunity.charity_id, row.opportunities_taken, row.confirmed_hours)
            for row in volunteer_experience_rows(admin)
        ],
        "hours": sorted(HoursEntry.objects.values_list("date", "hours", "status")),
        "applications": sorted(Application.objects.values_list("opportunity", "status")),
    }


def test_totals_reports_and_places_taken_are_unchanged_by_a_deletion(client, volunteer):
    """Finding 5 of the security review: the charities keep the facts they report and plan
    with: every hour, every application's status and the places they take, even when the
    volunteer withdraws their certificates (which then no longer count as issued)."""
    before = _totals()
    delete_account(client, WITHDRAW)
    after = _totals()
    assert after["home figures"].pop("certificates") == before["home figures"].pop(
        "certificates"
    ) - len(Certificate.objects.filter(volunteer=volunteer, withdrawn_by_holder=True))
    assert after == before


def test_the_charity_sees_a_deleted_volunteer_and_can_free_their_place(
    client, volunteer, django_capture_on_commit_callbacks
):
    """Finding 5 of the security review: the charity's admin names the person «داوطلب
    حذف‌شده»; deciding on their application works and writes to nobody."""
    accepted = Application.objects.filter(
        volunteer=volunteer, status=Application.Status.ACCEPTED
    ).first()
    delete_account(client, KEEP)
    admin = Client()
    admin.force_login(User.objects.create_superuser("root", "root@example.org", "pw-12345678"))
    inspect = admin.get(reverse("applications:inspect", args=[accepted.pk])).content.decode()
    assert "داوطلب حذف‌شده" in inspect and NAME not in inspect
    places = applying.places_taken(accepted.opportunity)
    mails = DBTaskResult.objects.filter(task_path=deliver_email.module_path)
    queued = mails.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("applications:edit", args=[accepted.pk]),
            {"status": Application.Status.DECLINED, "message": ""},
        )
    assert response.status_code == 302
    assert applying.places_taken(accepted.opportunity) == places - 1
    assert mails.count() == queued  # no e-mail to an erased address


def test_the_choice_is_asked_only_of_certificate_holders_and_has_no_default(client, demo):
    """Finding 5 of the security review: without an answer nothing is deleted; a volunteer
    without certificates is not asked."""
    volunteer = User.objects.get(username="volunteer1")
    client.force_login(volunteer)
    page = client.get(DELETE_URL).content.decode()
    assert "معتبر بمانند" in page and "پس گرفته شوند" in page
    assert not re.search(r'<input[^>]*name="certificates"[^>]*checked', page)
    response = client.post(DELETE_URL, {"password": DEMO_PASSWORD})
    assert response.status_code == 200
    assert "حساب شما حذف نشده است" in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.is_active and volunteer.volunteer_profile.display_name == NAME

    client.force_login(User.objects.get(username="volunteer2"))
    assert 'name="certificates"' not in client.get(DELETE_URL).content.decode()
    delete_account(client)


def test_comments_go_with_the_account_and_replies_to_them_stay(client, volunteer):
    """Comments sent with the account's address go; one that others answered stays as an
    empty place in the thread, so that the reply still answers something."""
    answered = Comment.objects.get(text=COMMENT_ANSWERED)
    delete_account(client, KEEP)

    assert not Comment.objects.filter(text=COMMENT_PENDING).exists()
    answered.refresh_from_db()
    assert answered.is_erased and answered.replies.get().text == REPLY
    page = client.get(answered.page.url).content.decode()
    assert REPLY in page and "نویسنده‌اش این دیدگاه را پاک کرده است." in page
    assert NAME not in page and COMMENT_ANSWERED not in page

"""Joining the network: a charity asks to join on the public join page, and the executive
committee approves or declines the request in the admin."""

import re
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import Http404
from django.test import Client, RequestFactory
from django.utils import timezone, translation
from django.utils.functional import empty
from django.utils.html import escape
from django.views import static
from persiantools.jdatetime import JalaliDate
from wagtail.models import ModelLogEntry

from charities import membership
from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.forms import MembershipRequestForm
from charities.models import (
    Charity,
    CharityPage,
    JoinPage,
    MembershipDocument,
    MembershipRequest,
    Province,
    Theme,
)
from charities.services import add_editor
from nikrah import storage
from nikrah.persian import to_persian_digits
from nikrah.spam import SpamGuardMixin, form_stamp

User = get_user_model()

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PASSWORD = "Mehr-e-sabz-1402!"
ADMIN = "/admin/membership-requests/"


def fa(message, **params):
    """A message as a Persian visitor reads it."""
    with translation.override("fa"):
        text = translation.gettext(message)
    return text % params if params else text


def shows(response, message):
    return escape(message) in response.content.decode()


def pdf(name="statute.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def request_data(**overrides):
    """What a charity types into the join form; ``None`` leaves a field out."""
    data = {
        "charity_name": "دست‌های مهربان",
        "registration_number": "۱۲۳۴۵",
        "registering_body": "وزارت كشور",
        "year_founded": "۱۳۹۵",
        "contact_name": "مریم احمدی",
        "contact_role": "مدیرعامل",
        "phone": "۰۹۱۲ ۱۲۳-۴۵۶۷",
        "email": "Maryam@Example.org",
        "website": "",
        "themes": [Theme.objects.get(slug="elderly").pk],
        "provinces": [Province.objects.get(code="IR-23").pk],
        "statement": "کمک‌رسانی به سالمندان و خانواده‌های نیازمند با داوطلبان محلی.",
        "website_url": "",
        "form_stamp": form_stamp(at=time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Membership documents go to a private folder of this test, never under MEDIA_ROOT."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    storage.private_storage._wrapped = empty
    yield tmp_path / "private"
    storage.private_storage._wrapped = empty


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


@pytest.fixture
def join_page(home_page):
    page = JoinPage(title="عضویت خیریه‌ها", slug="join")
    home_page.add_child(instance=page)
    return page


@pytest.fixture
def directory(home_page):
    return CharityIndexPageFactory(parent=home_page)


@pytest.fixture
def send_request(join_page, django_capture_on_commit_callbacks):
    """A visitor sends the join form; returns the saved request."""

    def send(url="/join/", **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = Client().post(url, request_data(**overrides))
        assert response.status_code == 302, response.content.decode()[:3000]
        return MembershipRequest.objects.order_by("-pk").first()

    return send


@pytest.fixture
def reviewer(db):
    group = Group.objects.create(name="بازبینان عضویت")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="review_membershiprequest"),
    )
    user = UserFactory(username="exec1")
    user.groups.add(group)
    return user


@pytest.fixture
def open_request(send_request):
    return send_request(documents=[pdf()])


def urls_of(request):
    document = request.documents.first()
    return {
        "list": ADMIN,
        "inspect": f"{ADMIN}inspect/{request.pk}/",
        "download": f"{ADMIN}document/{request.pk}/{document.pk}/" if document else None,
        "approve": f"{ADMIN}approve/{request.pk}/",
        "decline": f"{ADMIN}decline/{request.pk}/",
    }


def denied(response):
    """Wagtail answers a forbidden admin page with 403, or a redirect to the dashboard or
    the sign-in page."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"].startswith("/admin/")
    )


# The visitor's side


def test_visitor_sends_a_request_and_gets_thanks_and_a_confirmation_email(
    client, join_page, django_capture_on_commit_callbacks
):
    form = client.get("/join/")
    assert form.status_code == 200
    assert 'name="form_stamp"' in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/join/", request_data(documents=[pdf()]))

    assert response.status_code == 302
    assert response["Location"] == "/join/?sent=1"
    thanks = client.get(response["Location"])
    assert shows(thanks, fa("Your request has been sent"))
    assert 'name="charity_name"' not in thanks.content.decode()

    request = MembershipRequest.objects.get()
    assert request.status == MembershipRequest.Status.PENDING
    assert request.charity_name == "دست‌های مهربان"
    assert request.registering_body == "وزارت کشور"  # Arabic kaf made Persian
    assert request.registration_number == "12345"
    assert request.phone == "09121234567"
    assert request.year_founded == 1395
    assert request.language == "fa"
    assert [theme.slug for theme in request.themes.all()] == ["elderly"]
    assert request.documents.get().content_type == "application/pdf"

    [email] = mail.outbox
    assert email.to == ["Maryam@Example.org"]
    assert email.subject == fa(
        "Nikrah: we received the membership request of %(charity)s", charity="دست‌های مهربان"
    )
    assert "مریم احمدی" in email.body


def test_page_shows_its_own_thank_you_text_when_it_has_one(client, join_page):
    join_page.thank_you_text = "<p>سپاس! به‌زودی با شما تماس می‌گیریم.</p>"
    join_page.save_revision().publish()
    response = client.get("/join/?sent=1")
    assert "سپاس! به‌زودی با شما تماس می‌گیریم." in response.content.decode()


def test_request_made_in_english_is_confirmed_in_english(
    home_page, join_page, locale_en, send_request
):
    home_page.copy_for_translation(locale_en).save_revision().publish()
    join_page.copy_for_translation(locale_en).save_revision().publish()
    request = send_request(url="/en/join/")
    assert request.language == "en"
    assert mail.outbox[-1].subject == (
        "Nikrah: we received the membership request of دست‌های مهربان"
    )


def test_documents_are_stored_privately_and_never_under_media(
    client, open_request, private_files, settings
):
    document = open_request.documents.get()
    path = Path(document.file.path)
    assert path.read_bytes() == PDF
    assert private_files in path.parents
    assert Path(settings.MEDIA_ROOT) not in path.parents

    assert client.get(f"/media/{document.file.name}").status_code == 404
    # Even where /media/ is served (DEBUG), only MEDIA_ROOT is looked into.
    with pytest.raises(Http404):
        static.serve(RequestFactory().get("/"), document.file.name, settings.MEDIA_ROOT)
    # Visitors who try the reviewers' download link are asked to sign in.
    response = client.get(urls_of(open_request)["download"])
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 4


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"phone": "۱۲۳۴۵"},
            fa(
                "Enter an Iranian phone number with its area code, such as 02166554433, "
                "or a mobile number such as 09121234567."
            ),
        ),
        ({"email": "maryam-at-example"}, fa("Enter a valid email address.")),
        ({"themes": None}, fa("Choose at least one field of activity.")),
        ({"provinces": None}, fa("Choose at least one province.")),
        (
            {"documents": [pdf("statute.pdf", EXE)]},
            fa("“%(name)s” is not really a %(type)s file.", name="statute.pdf", type="PDF"),
        ),
        (
            {"documents": [SimpleUploadedFile("setup.exe", EXE)]},
            fa("“%(name)s” is not a PDF, JPEG or PNG file.", name="setup.exe"),
        ),
        (
            {"documents": [pdf("big.pdf", PDF + b"0" * (6 * 1024 * 1024))]},
            fa("“%(name)s” is larger than 5 MB.", name="big.pdf"),
        ),
        (
            {"documents": [pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf"), pdf("d.pdf")]},
            fa("Attach at most %(count)s files.", count="۳"),
        ),
        (
            {"year_founded": "۱۱۰۰"},
            fa(
                "Enter a year of the Solar Hijri calendar between %(first)s and %(last)s, "
                "for example 1395.",
                first="۱۲۵۰",
                last=to_persian_digits(JalaliDate.today().year),
            ),
        ),
        (
            {"website_url": "http://cheap-pills.example"},
            fa(str(SpamGuardMixin.spam_error)),
        ),
        (
            {"form_stamp": form_stamp(at=time.time() - 2 * 24 * 60 * 60)},
            fa(str(SpamGuardMixin.expired_error)),
        ),
        ({"form_stamp": "forged"}, fa(str(SpamGuardMixin.spam_error))),
    ],
    ids=[
        "bad phone",
        "bad e-mail",
        "no theme",
        "no province",
        "exe renamed pdf",
        "exe",
        "6 MB file",
        "four files",
        "year out of range",
        "filled honeypot",
        "expired form",
        "forged stamp",
    ],
)
def test_invalid_request_is_refused_with_a_clear_message_and_nothing_saved(
    client, join_page, private_files, overrides, message
):
    overrides.setdefault("documents", [pdf()])
    response = client.post("/join/", request_data(**overrides))

    assert response.status_code == 200
    assert '<html lang="fa" dir="rtl">' in response.content.decode()
    assert shows(response, message)
    assert MembershipRequest.objects.count() == 0
    assert MembershipDocument.objects.count() == 0
    assert stored_files(private_files) == []
    assert mail.outbox == []


def test_form_sent_faster_than_a_person_can_type_is_refused(client, join_page):
    response = client.post("/join/", request_data(form_stamp=form_stamp()))
    assert shows(response, fa(str(SpamGuardMixin.spam_error)))
    assert MembershipRequest.objects.count() == 0


def test_landline_with_area_code_and_country_code_is_accepted(send_request):
    request = send_request(phone="+98 21 6655-4433")
    assert request.phone == "02166554433"


def test_exact_duplicate_of_an_open_request_is_refused_however_the_name_is_typed(
    client, send_request
):
    send_request(charity_name="دست‌های مهربان", registration_number="12345")

    response = client.post(
        "/join/",
        request_data(
            charity_name="دستهاي  مهربان", registration_number="۱۲۳۴۵", email="other@example.org"
        ),
    )

    assert response.status_code == 200
    assert shows(response, fa(str(MembershipRequestForm.duplicate_message)))
    assert MembershipRequest.objects.count() == 1


def test_duplicate_slipping_past_the_form_is_refused_by_the_database(
    client, send_request, private_files
):
    send_request()
    files_before = stored_files(private_files)

    # As when two identical requests arrive at the same moment: both pass the form's check.
    with mock.patch.object(MembershipRequestForm, "is_duplicate", return_value=False):
        response = client.post("/join/", request_data(documents=[pdf()]))

    assert response.status_code == 200
    assert shows(response, fa(str(MembershipRequestForm.duplicate_message)))
    assert MembershipRequest.objects.count() == 1
    assert MembershipDocument.objects.count() == 0
    assert stored_files(private_files) == files_before


def test_finding_1_one_address_or_e_mail_sends_only_a_few_requests_an_hour(
    join_page, django_capture_on_commit_callbacks
):
    """Finding 1 of the security review: the join form is limited per address (5 requests
    an hour) and per contact e-mail (3), refused with the reason in Persian and nothing lost
    of what the person typed."""

    def send(n, email, address):
        data = request_data(
            charity_name=f"خیریهٔ شمارهٔ {n}", registration_number=f"۷۰۰{n}", email=email
        )
        with django_capture_on_commit_callbacks(execute=True):
            return Client().post("/join/", data, REMOTE_ADDR=address)

    for n in range(3):
        assert send(n, "same@example.org", f"198.51.100.{n}").status_code == 302
    response = send(3, "Same@Example.org", "198.51.100.9")
    assert response.status_code == 429
    page = response.content.decode()
    assert "۶۰ دقیقهٔ دیگر درخواستتان را دوباره بفرستید" in page
    assert 'value="خیریهٔ شمارهٔ 3"' in page and "سالمندان و خانواده‌های نیازمند" in page

    for n in range(4, 9):
        assert send(n, f"other{n}@example.org", "192.0.2.1").status_code == 302
    assert send(9, "new@example.org", "192.0.2.1").status_code == 429
    assert MembershipRequest.objects.count() == 8
    assert len(mail.outbox) == 8


def test_new_request_after_a_decline_is_accepted(send_request, reviewer):
    first = send_request()
    membership.decline_request(first.pk, user=reviewer, reason="مدارک ناقص بود.")

    second = send_request()

    assert second.pk != first.pk
    assert second.status == MembershipRequest.Status.PENDING


# The executive committee's side


def test_user_without_the_permission_cannot_see_or_decide_on_requests(
    client, open_request, directory
):
    charity = make_charity("مهرورزان", directory=directory)
    editor = UserFactory(username="editor1")
    add_editor(charity, editor)
    client.force_login(editor)
    urls = urls_of(open_request)

    assert ADMIN not in client.get("/admin/").content.decode()  # no menu item
    for url in urls.values():
        assert denied(client.get(url)), url
    assert denied(client.post(urls["approve"]))
    assert denied(client.post(urls["decline"], {"reason": "نه"}))

    open_request.refresh_from_db()
    assert open_request.status == MembershipRequest.Status.PENDING
    assert Charity.objects.count() == 1


def test_nobody_adds_edits_or_deletes_requests_in_the_admin(client, open_request, reviewer):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    pk = open_request.pk
    for user in (reviewer, admin):
        client.force_login(user)
        for url in [
            f"{ADMIN}new/",
            f"{ADMIN}edit/{pk}/",
            f"{ADMIN}delete/{pk}/",
            f"{ADMIN}history/{pk}/",
            f"{ADMIN}usage/{pk}/",
        ]:
            assert denied(client.get(url)), (user, url)
            assert denied(client.post(url, {"status": "approved"})), (user, url)
    open_request.refresh_from_db()
    assert open_request.status == MembershipRequest.Status.PENDING


def test_reviewer_sees_open_requests_oldest_first_and_can_filter_and_search(
    client, send_request, reviewer
):
    women = Theme.objects.get(slug="women")
    isfahan = Province.objects.get(code="IR-10")
    older = send_request(charity_name="سلول طلایی", registration_number="1")
    newer = send_request(
        charity_name="یاریگران خورشید",
        registration_number="2",
        contact_name="رضا کریمی",
        email="reza@example.org",
        themes=[women.pk],
        provinces=[isfahan.pk],
    )
    decided = send_request(charity_name="دوشن", registration_number="3")
    membership.decline_request(decided.pk, user=reviewer, reason="تکراری")
    now = timezone.now()
    for request, days_ago in ((decided, 30), (older, 2), (newer, 1)):
        MembershipRequest.objects.filter(pk=request.pk).update(
            created_at=now - timedelta(days=days_ago)
        )
    client.force_login(reviewer)

    assert ADMIN in client.get("/admin/").content.decode()  # the menu item
    content = client.get(ADMIN).content.decode()
    assert content.index("سلول طلایی") < content.index("یاریگران خورشید") < content.index("دوشن")

    def listed(**params):
        content = client.get(ADMIN, params).content.decode()
        return {r.charity_name for r in (older, newer, decided) if r.charity_name in content}

    assert listed(status="pending") == {"سلول طلایی", "یاریگران خورشید"}
    assert listed(themes=women.pk) == {"یاریگران خورشید"}
    assert listed(provinces=isfahan.pk) == {"یاریگران خورشید"}
    since = (now - timedelta(days=3)).date().isoformat()
    assert listed(created_at_from=since) == {"سلول طلایی", "یاریگران خورشید"}
    assert listed(q="يارِيگران") == {"یاریگران خورشید"}  # Arabic yeh and a diacritic
    assert listed(q="کریمی") == {"یاریگران خورشید"}
    assert listed(q="REZA@example") == {"یاریگران خورشید"}
    assert listed(q="۳") == {"دوشن"}  # registration number typed in Persian digits


def test_reviewer_inspects_a_request_and_downloads_its_documents(client, open_request, reviewer):
    client.force_login(reviewer)
    urls = urls_of(open_request)

    content = client.get(urls["inspect"]).content.decode()
    for text in ("دست‌های مهربان", "۰۹۱۲۱۲۳۴۵۶۷", "کمک‌رسانی به سالمندان", "statute.pdf"):
        assert text in content
    assert urls["download"] in content
    assert urls["approve"] in content and urls["decline"] in content
    assert f"{ADMIN}edit/" not in content

    response = client.get(urls["download"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")


def set_password_link(email):
    match = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", email.body)
    assert match, email.body
    return match.group(1)


def test_reviewer_approves_and_the_charity_and_its_editor_are_ready(
    client, open_request, reviewer, directory, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)
    urls = urls_of(open_request)
    confirm = client.get(urls["approve"])
    assert confirm.status_code == 200
    assert "دست‌های مهربان" in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls["approve"])

    assert response.status_code == 302
    assert response["Location"] == urls["inspect"]
    open_request.refresh_from_db()
    assert open_request.status == MembershipRequest.Status.APPROVED
    assert open_request.decided_by == reviewer
    assert open_request.decided_at is not None

    charity = open_request.charity
    assert charity.name == "دست‌های مهربان"
    page = CharityPage.objects.get(charity=charity)
    assert not page.live
    assert page.get_parent().specific == directory
    assert page.registration_number == "12345"
    assert page.phone == "09121234567"
    assert page.year_founded == 1395
    assert page.summary.startswith("کمک‌رسانی به سالمندان")
    assert [theme.slug for theme in page.themes.all()] == ["elderly"]
    assert [province.code for province in page.provinces.all()] == ["IR-23"]
    assert charity.editors_group is not None
    assert charity.collection is not None

    contact = User.objects.get(username="maryam@example.org")
    assert contact.email == "maryam@example.org"
    assert not contact.has_usable_password()
    assert charity.has_editor(contact)

    email = mail.outbox[-1]
    assert email.to == ["Maryam@Example.org"]
    assert email.subject == fa(
        "Welcome to Nikrah: %(charity)s is now a member", charity="دست‌های مهربان"
    )
    assert "maryam@example.org" in email.body
    set_password_link(email)

    entry = ModelLogEntry.objects.get(action=membership.APPROVED)
    assert entry.object_id == str(open_request.pk)
    assert entry.user == reviewer
    assert entry.data["charity"] == charity.pk
    assert shows(client.get(urls["inspect"]), fa("Membership request approved"))


def test_set_password_link_works_once_then_the_contact_signs_in(
    open_request, reviewer, directory, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        membership.approve_request(open_request.pk, user=reviewer)
    link = set_password_link(mail.outbox[-1])

    contact = Client()
    form = contact.get(link, follow=True)
    assert form.context["validlink"] is True
    set_password_url = form.redirect_chain[-1][0]
    done = contact.post(set_password_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == "/admin/password_reset/complete/"

    signed_in = Client()
    response = signed_in.post(
        "/admin/login/", {"username": "maryam@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert signed_in.get("/admin/").status_code == 200

    again = Client().get(link, follow=True)
    assert again.context["validlink"] is False


def test_set_password_link_stops_working_after_the_timeout(
    open_request, reviewer, directory, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        membership.approve_request(open_request.pk, user=reviewer)
    link = set_password_link(mail.outbox[-1])

    later = datetime.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    with mock.patch.object(PasswordResetTokenGenerator, "_now", return_value=later):
        response = Client().get(link, follow=True)

    assert response.context["validlink"] is False


def test_an_existing_account_with_the_contacts_email_is_reused(open_request, reviewer, directory):
    existing = UserFactory(username="maryam", email="MARYAM@example.org")
    users = User.objects.count()

    membership.approve_request(open_request.pk, user=reviewer)

    assert User.objects.count() == users
    open_request.refresh_from_db()
    assert open_request.charity.has_editor(existing)


def test_approving_twice_creates_one_charity(client, open_request, reviewer, directory):
    client.force_login(reviewer)
    approve = urls_of(open_request)["approve"]

    client.post(approve)
    response = client.post(approve, follow=True)

    assert Charity.objects.count() == 1
    assert shows(response, fa("This request has already been decided; nothing was changed."))
    with pytest.raises(membership.AlreadyDecided):
        membership.approve_request(open_request.pk, user=reviewer)
    assert ModelLogEntry.objects.filter(action=membership.APPROVED).count() == 1


# Real commits from two threads: SQLite's in-memory test database locks whole tables instead.
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_approving_at_the_same_moment_create_one_charity(home_page, reviewer):
    CharityIndexPageFactory(parent=home_page)
    other_reviewer = UserFactory(username="exec2")
    other_reviewer.groups.set(reviewer.groups.all())
    data = {**request_data(), "themes": Theme.objects.filter(slug="elderly"), "provinces": []}
    request = membership.submit_request(data, language="fa")
    ready = threading.Barrier(2)
    outcomes = []

    def approve(user):
        ready.wait()
        try:
            membership.approve_request(request.pk, user=user)
            outcomes.append("approved")
        except membership.AlreadyDecided:
            outcomes.append("already decided")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=approve, args=(user,)) for user in [reviewer, other_reviewer]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["already decided", "approved"]
    assert Charity.objects.count() == 1
    assert ModelLogEntry.objects.filter(action=membership.APPROVED).count() == 1


def test_request_named_like_a_member_charity_cannot_be_approved(
    client, send_request, reviewer, directory
):
    make_charity("دستهای مهربان", directory=directory)
    request = send_request(charity_name="دست‌هاي مهربان")
    client.force_login(reviewer)

    response = client.post(urls_of(request)["approve"], follow=True)

    assert response.status_code == 200
    assert shows(
        response,
        fa(
            "The request cannot be approved: %(reason)s",
            reason=fa("Another charity already has this name."),
        ),
    )
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.PENDING
    assert Charity.objects.count() == 1
    assert not User.objects.filter(username="maryam@example.org").exists()


def test_decline_needs_a_reason_which_is_emailed_and_logged(
    client, open_request, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)
    urls = urls_of(open_request)

    response = client.post(urls["decline"], {"reason": "   "})
    assert response.status_code == 200
    assert shows(response, fa("Say why the request is declined."))
    open_request.refresh_from_db()
    assert open_request.status == MembershipRequest.Status.PENDING

    reason = "شماره ثبت با مدارک پیوست هم‌خوانی ندارد."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls["decline"], {"reason": reason})

    assert response.status_code == 302
    open_request.refresh_from_db()
    assert open_request.status == MembershipRequest.Status.DECLINED
    assert open_request.decision_reason == reason
    assert open_request.decided_by == reviewer
    assert Charity.objects.count() == 0

    email = mail.outbox[-1]
    assert email.to == ["Maryam@Example.org"]
    assert reason in email.body

    entry = ModelLogEntry.objects.get(action=membership.DECLINED)
    assert entry.object_id == str(open_request.pk)
    assert entry.user == reviewer
    assert entry.data == {"reason": reason}
    inspect = client.get(urls["inspect"])
    assert shows(inspect, fa("Membership request declined"))
    assert reason in inspect.content.decode()
    # Decided: the approve page sends the reviewer back to the request.
    assert client.get(urls["approve"])["Location"] == urls["inspect"]

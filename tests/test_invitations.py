"""Trusted members grow the network: an editor of a trusted charity invites an association
by e-mail, and the request it sends through the invitation shows who vouched for it."""

import re
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone, translation
from django.utils.functional import empty
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from charities import membership
from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.models import Invitation, JoinPage, MembershipRequest, Province, Theme
from charities.services import add_editor
from nikrah import storage
from nikrah.spam import form_stamp

ADMIN = "/admin/invitations/"


def fa(message, **params):
    """A message as a Persian visitor reads it."""
    with translation.override("fa"):
        text = translation.gettext(message)
    return text % params if params else text


def shows(response, message):
    return escape(message) in response.content.decode()


def denied(response):
    """Wagtail answers a forbidden admin page with 403, or a redirect to the dashboard."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"].startswith("/admin/")
    )


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    storage.private_storage._wrapped = empty
    yield
    storage.private_storage._wrapped = empty


@pytest.fixture
def world(home_page):
    directory = CharityIndexPageFactory(parent=home_page)
    home_page.add_child(instance=JoinPage(title="عضویت خیریه‌ها", slug="join"))
    trusted = make_charity("مهرورزان", directory=directory, trusted=True)
    untrusted = make_charity("زنو", directory=directory)
    editor = UserFactory(username="editor1")
    add_editor(trusted, editor)
    untrusted_editor = UserFactory(username="editor5")
    add_editor(untrusted, untrusted_editor)
    return SimpleNamespace(
        directory=directory,
        trusted=trusted,
        untrusted=untrusted,
        editor=editor,
        untrusted_editor=untrusted_editor,
    )


@pytest.fixture
def invite(client, world, django_capture_on_commit_callbacks):
    """editor1 of the trusted Mehrvarzan invites Light of Life; returns the invitation and
    the path of the link in its e-mail."""

    def invite(email="info@roshanai.example", name="روشنای زندگی"):
        client.force_login(world.editor)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"{ADMIN}new/",
                {
                    "charity": world.trusted.pk,
                    "email": email,
                    "organisation_name": name,
                    "message": "خوشحال می‌شویم در کنار ما باشید.",
                },
            )
        assert response.status_code == 302, response.content.decode()[:3000]
        client.logout()
        invitation = Invitation.objects.get(email=email)
        match = re.search(r"http://testserver(/join/\?invitation=\S+)", mail.outbox[-1].body)
        assert match, mail.outbox[-1].body
        return invitation, match.group(1)

    return invite


def request_data(**overrides):
    data = {
        "charity_name": "روشنای زندگی",
        "registration_number": "4567",
        "registering_body": "سازمان بهزیستی",
        "contact_name": "علی رضایی",
        "phone": "02166554433",
        "email": "info@roshanai.example",
        "themes": [Theme.objects.get(slug="addiction").pk],
        "provinces": [Province.objects.get(code="IR-23").pk],
        "statement": "همراهی با مددجویان در مسیر بهبودی.",
        "form_stamp": form_stamp(at=time.time() - 60),
    }
    data.update(overrides)
    return data


def test_editor_of_a_trusted_charity_invites_an_association(client, world, invite):
    client.force_login(world.editor)
    assert ADMIN in client.get("/admin/").content.decode()  # the menu item
    assert client.get(f"{ADMIN}new/").status_code == 200

    invitation, _link = invite()

    assert invitation.charity == world.trusted
    assert invitation.invited_by == world.editor
    assert invitation.used_at is None
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    email = mail.outbox[-1]
    assert email.to == ["info@roshanai.example"]
    assert email.subject == fa(
        "%(charity)s invites you to join the Nikrah network", charity="مهرورزان"
    )
    assert "خوشحال می‌شویم در کنار ما باشید." in email.body
    entry = ModelLogEntry.objects.get(action=membership.INVITATION_SENT)
    assert entry.object_id == str(invitation.pk)
    assert entry.user == world.editor

    client.force_login(world.editor)
    listing = client.get(ADMIN).content.decode()
    assert "info@roshanai.example" in listing
    assert escape(fa("Waiting for a request")) in listing


def test_invitation_link_opens_the_form_prefilled_with_who_vouched(client, invite):
    _invitation, link = invite()

    response = client.get(link)

    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="روشنای زندگی"' in content
    assert 'value="info@roshanai.example"' in content
    assert shows(response, fa("Introduced by %(charity)s", charity="مهرورزان"))


def test_request_made_through_the_invitation_records_it_for_the_reviewers(client, invite):
    invitation, link = invite()

    response = client.post(link, request_data())

    assert response.status_code == 302
    request = MembershipRequest.objects.get()
    assert request.invitation == invitation
    assert request.vouched_by == invitation.charity
    invitation.refresh_from_db()
    assert invitation.used_at is not None

    reviewer = UserFactory(username="exec1")
    reviewer.groups.add(Group.objects.create(name="بازبینان"))
    reviewer.groups.first().permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="review_membershiprequest"),
    )
    client.force_login(reviewer)
    assert "مهرورزان" in client.get("/admin/membership-requests/").content.decode()
    inspect = client.get(f"/admin/membership-requests/inspect/{request.pk}/")
    assert "مهرورزان" in inspect.content.decode()


def test_invitation_link_cannot_be_used_twice(client, invite):
    invitation, link = invite()
    client.post(link, request_data())

    response = client.get(link)

    assert response.status_code == 200
    assert shows(
        response,
        fa(
            "This invitation has already been used. You can still send a request with the "
            "form below."
        ),
    )
    assert not shows(response, fa("Introduced by %(charity)s", charity="مهرورزان"))
    assert 'value="روشنای زندگی"' not in response.content.decode()
    # Nor can it vouch for a second request sent at the same moment as the first.
    with pytest.raises(membership.InvitationUnavailable):
        membership.submit_request(
            request_data(
                charity_name="دیگری",
                themes=Theme.objects.filter(slug="health"),
                provinces=Province.objects.filter(code="IR-23"),
                year_founded=None,
                contact_role="",
                website="",
            ),
            language="fa",
            invitation=invitation,
        )
    assert MembershipRequest.objects.count() == 1


def test_second_request_through_a_used_link_is_not_vouched_for(client, invite):
    _invitation, link = invite()
    client.post(link, request_data())

    response = client.post(link, request_data(charity_name="دیگری", registration_number="1"))

    assert response.status_code == 302
    assert MembershipRequest.objects.get(charity_name="دیگری").invitation is None


def test_expired_invitation_shows_a_message_and_the_plain_form(client, invite):
    invitation, link = invite()
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    response = client.get(link)

    assert response.status_code == 200
    assert shows(
        response,
        fa("This invitation has expired. You can still send a request with the form below."),
    )
    assert 'name="charity_name"' in response.content.decode()
    assert 'value="روشنای زندگی"' not in response.content.decode()


def test_unknown_invitation_link_shows_a_message_and_the_plain_form(client, world):
    response = client.get("/join/?invitation=" + "x" * 500)

    assert response.status_code == 200
    assert shows(
        response,
        fa("This invitation link is not valid. You can still send a request with the form below."),
    )


def test_editor_of_an_untrusted_charity_cannot_invite(client, world):
    client.force_login(world.untrusted_editor)

    assert ADMIN not in client.get("/admin/").content.decode()
    assert denied(client.get(ADMIN))
    assert denied(client.get(f"{ADMIN}new/"))
    response = client.post(
        f"{ADMIN}new/",
        {"charity": world.untrusted.pk, "email": "x@example.org", "organisation_name": "x"},
    )
    assert denied(response)
    assert Invitation.objects.count() == 0


def test_editor_cannot_invite_on_behalf_of_another_charity(client, world):
    other = make_charity("کودکان فرشته اند", directory=world.directory, trusted=True)
    client.force_login(world.editor)

    response = client.post(
        f"{ADMIN}new/",
        {"charity": other.pk, "email": "x@example.org", "organisation_name": "ایکس"},
    )

    assert response.status_code == 200
    assert Invitation.objects.count() == 0


def test_editor_sees_only_their_charitys_invitations_and_changes_none(client, world, invite):
    invitation, _link = invite()
    other = make_charity("کودکان فرشته اند", directory=world.directory, trusted=True)
    foreign = Invitation.objects.create(charity=other, email="secret@example.org")
    client.force_login(world.editor)

    listing = client.get(ADMIN).content.decode()
    assert "info@roshanai.example" in listing
    assert "secret@example.org" not in listing
    for pk in (invitation.pk, foreign.pk):
        for view in ("edit", "delete", "history", "usage", "copy", "inspect"):
            assert denied(client.get(f"{ADMIN}{view}/{pk}/")), (view, pk)


def test_no_invitation_is_sent_while_the_join_page_is_not_published(client, world):
    JoinPage.objects.get().unpublish()
    client.force_login(world.editor)

    response = client.post(
        f"{ADMIN}new/",
        {"charity": world.trusted.pk, "email": "a@example.org", "organisation_name": "الف"},
    )

    assert response.status_code == 200
    assert shows(
        response,
        fa("The membership request page is not published yet, so no invitation can be sent."),
    )
    assert Invitation.objects.count() == 0


def test_platform_admin_invites_on_behalf_of_a_trusted_charity(
    client, world, django_capture_on_commit_callbacks
):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    form = client.get(f"{ADMIN}new/").content.decode()
    assert "مهرورزان" in form
    assert "زنو" not in form  # not trusted: cannot vouch

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{ADMIN}new/",
            {"charity": world.trusted.pk, "email": "a@example.org", "organisation_name": "الف"},
        )

    assert Invitation.objects.get().invited_by == admin

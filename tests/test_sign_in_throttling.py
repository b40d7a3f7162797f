"""Finding 1 of the security review: 30 wrong passwords at /admin/login/, then the right one
signed in. Now wrong passwords on any way in (the Wagtail admin's sign-in, the volunteers'),
wrong codes and password resets pause further tries, per account and per address, and the
person is told so in Persian."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.html import escape

from charities.factories import UserFactory
from nikrah import throttling
from opportunities.adapter import VolunteerAccountAdapter
from opportunities.factories import VOLUNTEER_PASSWORD, VolunteerFactory

WRONG = "not-the-password"
ADMIN_LOGIN = "/admin/login/"
PUBLIC_LOGIN = "/account/login/"


@pytest.fixture(autouse=True)
def _throttling_on(settings, site):
    """Test settings switch django-axes off for the client's login(); these tests sign in
    through the forms, as people do."""
    settings.AXES_ENABLED = True


def persian_lockout_message():
    with translation.override("fa"):
        return throttling.lockout_message()


def persian(message):
    with translation.override("fa"):
        return escape(str(message))


def sign_in(client, url, account, password, address):
    """Sign in on the admin's form (``account`` is a username) or the volunteers' (an e-mail
    address), from ``address``."""
    field = "username" if url == ADMIN_LOGIN else "login"
    return client.post(url, {field: account, "password": password}, REMOTE_ADDR=address)


def signed_in(client, user):
    return client.session.get("_auth_user_id") == str(user.pk)


def refused_with_the_persian_message(response):
    page = response.content.decode()
    return response.status_code == 429 and escape(persian_lockout_message()) in page


def after_the_pause():
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.earliest("attempt_time").attempt_time
        - timedelta(minutes=15, seconds=1)
    )


@pytest.mark.parametrize(
    ("url", "account_of"),
    [(ADMIN_LOGIN, lambda user: user.username), (PUBLIC_LOGIN, lambda user: user.email)],
)
def test_wrong_passwords_from_many_addresses_pause_the_account_until_the_cool_off(
    client, url, account_of
):
    user = VolunteerFactory()
    for attempt in range(5):
        response = sign_in(client, url, account_of(user), WRONG, f"198.51.100.{attempt}")
        assert not signed_in(client, user)
    assert refused_with_the_persian_message(response)
    assert "۱۵ دقیقه" in persian_lockout_message()

    # Even the right password, from an address never seen before.
    response = sign_in(client, url, account_of(user), VOLUNTEER_PASSWORD, "203.0.113.50")
    assert refused_with_the_persian_message(response)
    assert not signed_in(client, user)

    after_the_pause()
    response = sign_in(client, url, account_of(user), VOLUNTEER_PASSWORD, "203.0.113.50")
    assert response.status_code == 302 and signed_in(client, user)


@pytest.mark.parametrize(
    ("url", "account_of"),
    [(ADMIN_LOGIN, lambda n: f"guess{n}"), (PUBLIC_LOGIN, lambda n: f"guess{n}@example.org")],
)
def test_one_address_trying_many_accounts_is_paused_and_others_are_not(
    client, settings, url, account_of
):
    settings.NIKRAH_SIGN_IN_ADDRESS_LIMIT = 8  # 20 in earnest; fewer posts keep the test quick
    user = VolunteerFactory()
    account = user.username if url == ADMIN_LOGIN else user.email
    for n in range(8):
        response = sign_in(client, url, account_of(n), WRONG, "198.51.100.7")
    assert refused_with_the_persian_message(response)

    response = sign_in(client, url, account, VOLUNTEER_PASSWORD, "198.51.100.7")
    assert refused_with_the_persian_message(response) and not signed_in(client, user)
    response = sign_in(client, url, account, VOLUNTEER_PASSWORD, "203.0.113.50")
    assert response.status_code == 302 and signed_in(client, user)


def test_switching_between_the_admin_and_the_public_sign_in_gains_no_guesses(client):
    volunteer = VolunteerFactory()
    for attempt in range(3):
        sign_in(client, ADMIN_LOGIN, volunteer.username, WRONG, f"198.51.100.{attempt}")
    for attempt in range(2):
        sign_in(client, PUBLIC_LOGIN, volunteer.email.upper(), WRONG, f"192.0.2.{attempt}")
    response = sign_in(client, PUBLIC_LOGIN, volunteer.email, VOLUNTEER_PASSWORD, "203.0.113.1")
    assert refused_with_the_persian_message(response)
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {volunteer.username}


def test_signing_in_forgets_ones_own_mistakes_but_not_an_attackers(client):
    attacker, victim = UserFactory(), UserFactory()
    for _attempt in range(4):
        sign_in(client, ADMIN_LOGIN, victim.username, WRONG, "198.51.100.66")
    # The attacker signs in to an account of their own from the same address...
    sign_in(client, ADMIN_LOGIN, attacker.username, "a-good-password-123", "198.51.100.66")
    assert signed_in(client, attacker)
    client.logout()
    # ...which leaves their guesses at the victim's password counted.
    response = sign_in(client, ADMIN_LOGIN, victim.username, WRONG, "198.51.100.66")
    assert refused_with_the_persian_message(response)

    person = UserFactory()
    for _attempt in range(4):
        sign_in(client, ADMIN_LOGIN, person.username, WRONG, "192.0.2.10")
    sign_in(client, ADMIN_LOGIN, person.username, "a-good-password-123", "192.0.2.10")
    client.logout()
    response = sign_in(client, ADMIN_LOGIN, person.username, WRONG, "192.0.2.10")
    assert response.status_code == 200  # a typo after signing in is not the fifth in a row


def test_failures_and_pauses_are_logged_with_the_account_and_the_address(client, caplog):
    user = UserFactory()
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _attempt in range(5):
            sign_in(client, ADMIN_LOGIN, user.username, WRONG, "198.51.100.23")
    failures = [r.getMessage() for r in caplog.records if "login failure by" in r.getMessage()]
    assert len(failures) == 5
    assert all(f'account "{user.username}" from 198.51.100.23' in line for line in failures)
    assert any("Locking out" in r.getMessage() for r in caplog.records)


def test_the_address_is_the_connections_unless_trusted_proxies_wrote_it(client, settings):
    user = UserFactory()
    forged = {"HTTP_X_FORWARDED_FOR": "192.0.2.99"}
    client.post(ADMIN_LOGIN, {"username": user.username, "password": WRONG}, **forged)
    assert AccessAttempt.objects.get().ip_address == "127.0.0.1"

    AccessAttempt.objects.all().delete()
    settings.TRUSTED_PROXIES = 1
    client.post(ADMIN_LOGIN, {"username": user.username, "password": WRONG}, **forged)
    assert AccessAttempt.objects.get().ip_address == "192.0.2.99"


@pytest.mark.parametrize(
    ("remote", "counted_as"),
    [
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::"),  # one /64: one household or server
        ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("198.51.100.7", "198.51.100.7"),
    ],
)
def test_an_ipv6_network_counts_as_one_address(remote, counted_as):
    assert throttling.sign_in_address(RequestFactory().get("/", REMOTE_ADDR=remote)) == counted_as


def test_sign_in_codes_are_limited_per_account_and_per_address(client, caplog):
    too_many = persian(VolunteerAccountAdapter.error_messages["too_many_login_attempts"])
    volunteer = VolunteerFactory()
    for attempt in range(3):
        response = Client().post(
            "/account/login/code/", {"email": volunteer.email}, REMOTE_ADDR=f"198.51.100.{attempt}"
        )
        assert response.status_code == 302
    response = Client().post(
        "/account/login/code/", {"email": volunteer.email}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 200 and too_many in response.content.decode()
    assert len(mail.outbox) == 3

    for n in range(10):
        Client().post(
            "/account/login/code/", {"email": f"x{n}@example.org"}, REMOTE_ADDR="192.0.2.8"
        )
    sent = len(mail.outbox)
    response = Client().post(
        "/account/login/code/", {"email": VolunteerFactory().email}, REMOTE_ADDR="192.0.2.8"
    )
    assert too_many in response.content.decode() and len(mail.outbox) == sent

    # A wrong code is a failed sign-in, logged with the account and the address.
    client.post(
        "/account/login/code/", {"email": VolunteerFactory().email}, REMOTE_ADDR="192.0.2.1"
    )
    with caplog.at_level(logging.WARNING, logger="nikrah.throttling"):
        client.post("/account/login/code/confirm/", {"code": "WRONG-CODE"}, REMOTE_ADDR="192.0.2.1")
    assert "Wrong sign-in code for account" in caplog.text and "192.0.2.1" in caplog.text


def test_password_reset_emails_are_limited_on_the_public_site_and_in_the_admin(client):
    user = VolunteerFactory()
    for attempt in range(2):
        response = client.post(
            "/account/password/reset/", {"email": user.email}, REMOTE_ADDR=f"198.51.100.{attempt}"
        )
        assert response.status_code == 302
    response = client.post(
        "/admin/password_reset/", {"email": user.email}, REMOTE_ADDR="198.51.100.9"
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 3

    # The same e-mail address, asked for again: on the public site, the site's 429 page...
    response = client.post(
        "/account/password/reset/", {"email": user.email}, REMOTE_ADDR="203.0.113.4"
    )
    assert response.status_code == 429
    page = response.content.decode()
    assert 'lang="fa"' in page and "تلاش‌های بیش از حد" in page
    # ...and in the admin, its own form with the reason.
    response = client.post(
        "/admin/password_reset/", {"email": user.email}, REMOTE_ADDR="203.0.113.4"
    )
    assert response.status_code == 429
    assert persian(throttling.TOO_MANY_REQUESTS) in response.content.decode()
    assert len(mail.outbox) == 3


def test_platform_admins_see_failed_sign_ins_in_persian_and_lift_a_pause(client, django_user_model):
    editor = UserFactory()
    for attempt in range(5):
        sign_in(Client(), ADMIN_LOGIN, editor.username, WRONG, f"198.51.100.{attempt}")
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    assert client.get("/admin/failed-sign-ins/").status_code == 302  # not for them

    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org"))
    assert "/admin/failed-sign-ins/" in client.get("/admin/").content.decode()  # Settings menu
    page = client.get("/admin/failed-sign-ins/").content.decode()
    assert "ورودهای ناموفق" in page and "حساب متوقف است" in page
    assert editor.username in page and page.count('<code dir="ltr">198.51.100.') == 5
    response = client.get(f"/admin/failed-sign-ins/delete/{AccessAttempt.objects.first().pk}/")
    assert "برداشتن توقف" in response.content.decode()
    response = client.post(f"/admin/failed-sign-ins/delete/{AccessAttempt.objects.first().pk}/")
    assert response.status_code == 302 and not AccessAttempt.objects.exists()

    response = sign_in(Client(), ADMIN_LOGIN, editor.username, "a-good-password-123", "192.0.2.3")
    assert response.status_code == 302

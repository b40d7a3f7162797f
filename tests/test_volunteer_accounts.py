"""Volunteers sign up, sign in and keep their own profile on the public site, in Persian."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from charities.models import City, Province, Theme
from nikrah.persian import format_date
from opportunities.accounts import ACCOUNT_DELETED_ACTION
from opportunities.factories import VOLUNTEER_PASSWORD, VolunteerFactory, VolunteerProfileFactory
from opportunities.forms import AccountDeletionForm
from opportunities.models import Skill, VolunteerProfile

User = get_user_model()
NEW_PASSWORD = "another-good-password-456"
SKIP_LINK = "رفتن به محتوای اصلی"


@pytest.fixture(autouse=True)
def _site(site):
    """Every page renders the site header, which needs the default site and its home page."""


def content(response):
    return response.content.decode()


def html_attrs(response):
    return re.search(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\"", content(response)).groups()


def link_in(message):
    """The site link in an e-mail, as a path the test client can open."""
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def code_in(message):
    return re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4})\s*$", message.body, re.MULTILINE).group(1)


def sign_up(client, email="sara@example.org", password=NEW_PASSWORD):
    return client.post(
        "/account/signup/", {"email": email, "password1": password, "password2": password}
    )


def tehran_and_shiraz():
    tehran = Province.objects.get(code="IR-23")
    return tehran, tehran.cities.get(name_en="Tehran"), City.objects.get(name_en="Shiraz")


# Signing up and in


def test_visitor_signs_up_verifies_their_email_and_lands_on_the_profile_form(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/account/confirm-email/"
    assert "تایید نشانی رایانامه" in content(client.get(response["Location"]))

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sara@example.org"]
    assert "سلام از نیکراه" in mail.outbox[0].body
    confirm_url = link_in(mail.outbox[0])
    assert confirm_url.startswith("/account/confirm-email/")

    confirm_page = client.get(confirm_url)
    assert confirm_page.status_code == 200
    assert "sara@example.org" in content(confirm_page)

    response = client.post(confirm_url)
    assert response["Location"] == "/volunteer/profile/edit/"
    assert EmailAddress.objects.get(email="sara@example.org").verified
    form_page = client.get(response["Location"])
    assert form_page.status_code == 200
    assert form_page.context["user"].email == "sara@example.org"


def test_a_mail_server_that_is_down_neither_fails_the_sign_up_nor_loses_the_email(client, settings):
    """Account e-mails go through the task queue: the first delivery fails, the retry
    sends it (the immediate task backend runs the retry at once)."""
    from tests.test_application_emails import FlakyMailServer

    settings.EMAIL_BACKEND = "tests.test_application_emails.FlakyMailServer"
    FlakyMailServer.failures = 1
    try:
        response = sign_up(client)
    finally:
        FlakyMailServer.failures = 0
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="sara@example.org").exists()
    [message] = mail.outbox
    assert message.to == ["sara@example.org"]
    assert link_in(message).startswith("/account/confirm-email/")


def test_unverified_volunteer_cannot_sign_in_until_the_email_is_confirmed(client):
    sign_up(client)
    client.logout()
    mail.outbox.clear()
    response = client.post(
        "/account/login/", {"login": "sara@example.org", "password": NEW_PASSWORD}
    )
    assert response["Location"] == "/account/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_volunteer_signs_in_with_their_password_and_sees_their_profile(client):
    volunteer = VolunteerFactory()
    response = client.post(
        "/account/login/", {"login": volunteer.email, "password": VOLUNTEER_PASSWORD}
    )
    assert response["Location"] == "/volunteer/profile/"
    assert volunteer.volunteer_profile.display_name in content(client.get("/volunteer/profile/"))


def test_sign_in_honours_the_page_the_volunteer_came_from(client):
    volunteer = VolunteerFactory()
    response = client.post(
        "/account/login/?next=/news/",
        {"login": volunteer.email, "password": VOLUNTEER_PASSWORD, "next": "/news/"},
    )
    assert response["Location"] == "/news/"


def test_volunteer_without_a_profile_is_asked_to_write_one_after_signing_in(client):
    volunteer = VolunteerFactory(profile=None)
    response = client.post(
        "/account/login/", {"login": volunteer.email, "password": VOLUNTEER_PASSWORD}
    )
    assert response["Location"] == "/volunteer/profile/edit/"


def test_wrong_password_is_refused_with_an_announced_persian_error(client):
    volunteer = VolunteerFactory()
    response = client.post("/account/login/", {"login": volunteer.email, "password": "nope"})
    assert response.status_code == 200
    page = content(response)
    assert "نشانی ایمیل یا گذرواژه نادرست است." in page
    assert 'role="alert"' in page
    assert "_auth_user_id" not in client.session


def test_volunteer_signs_in_with_a_code_sent_by_email(client):
    volunteer = VolunteerFactory()
    response = client.post("/account/login/code/", {"email": volunteer.email})
    assert response["Location"] == "/account/login/code/confirm/"
    confirm_page = client.get(response["Location"])
    assert "کد ورود را وارد کنید" in content(confirm_page)

    assert len(mail.outbox) == 1
    code = code_in(mail.outbox[0])
    response = client.post("/account/login/code/confirm/", {"code": code})
    assert response["Location"] == "/volunteer/profile/"
    assert client.session["_auth_user_id"] == str(volunteer.pk)


def test_volunteer_resets_a_forgotten_password_by_email(client):
    volunteer = VolunteerFactory()
    response = client.post("/account/password/reset/", {"email": volunteer.email})
    assert response["Location"] == "/account/password/reset/done/"
    assert len(mail.outbox) == 1

    response = client.get(link_in(mail.outbox[0]))  # the key moves from the URL to the session
    set_password_url = response["Location"]
    form_page = client.get(set_password_url)
    assert "تغییر گذرواژه" in content(form_page)
    response = client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == "/account/password/reset/key/done/"

    client.logout()
    response = client.post("/account/login/", {"login": volunteer.email, "password": NEW_PASSWORD})
    assert response["Location"] == "/volunteer/profile/"


# Every account page belongs to the site

ANONYMOUS_PAGES = [
    "/account/login/",
    "/account/signup/",
    "/account/login/code/",
    "/account/password/reset/",
    "/account/password/reset/done/",
    "/account/confirm-email/",
    "/account/confirm-email/no-such-key/",
    "/account/password/reset/key/1-no-such-key/",
]
SIGNED_IN_PAGES = [
    "/account/email/",
    "/account/password/change/",
    "/account/logout/",
    "/volunteer/profile/",
    "/volunteer/profile/edit/",
    "/volunteer/account/delete/",
]


@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_account_pages_are_persian_right_to_left_and_in_the_site_layout(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert html_attrs(response) == ("fa", "rtl")
    page = content(response)
    assert SKIP_LINK in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert 'class="container page-narrow account' in page
    assert "accounts.css" in page
    assert "Menu:" not in page  # allauth's bare default layout


@pytest.mark.parametrize("url", SIGNED_IN_PAGES)
def test_signed_in_account_pages_are_persian_and_in_the_site_layout(client, url):
    client.force_login(VolunteerFactory())
    response = client.get(url)
    assert response.status_code == 200
    assert html_attrs(response) == ("fa", "rtl")
    page = content(response)
    assert SKIP_LINK in page
    assert 'class="container page-narrow account' in page
    assert 'class="account-nav"' in page


def test_sign_in_page_speaks_persian_and_labels_every_field(client):
    page = content(client.get("/account/login/"))
    assert "<title>ورود | " in page
    assert re.search(r'<h1 class="account__title">\s*ورود\s*</h1>', page)
    assert "ارسال کد ورود برای من" in page
    assert re.search(r'<label class="form-field__label" for="id_login">\s*ایمیل', page)
    assert re.search(r'<label class="form-field__label" for="id_password">\s*\w+', page)
    # The "forgot your password?" help is tied to the password field.
    assert 'aria-describedby="id_password_helptext"' in page
    assert 'id="id_password_helptext"' in page


def test_signup_errors_are_tied_to_their_fields_and_announced(client):
    response = client.post(
        "/account/signup/", {"email": "not-an-address", "password1": "x", "password2": "y"}
    )
    page = content(response)
    assert re.search(r'<ul class="errorlist" id="id_email_error" role="alert">', page)
    assert re.search(
        r'aria-invalid="true"[^>]*id="id_email"|id="id_email"[^>]*aria-invalid="true"', page
    )
    assert 'aria-describedby="id_email_error"' in page
    assert User.objects.count() == 0


def test_account_pages_are_english_and_left_to_right_under_en(client):
    response = client.get("/en/account/login/")
    assert html_attrs(response) == ("en", "ltr")
    assert "Sign In" in content(response)
    assert 'action="/en/account/login/"' in content(response)


def test_header_links_invite_visitors_to_sign_in_and_volunteers_to_their_profile():
    request = RequestFactory().get("/")
    with translation.override("fa"):
        anonymous = render_to_string(
            "includes/account_links.html", {"request": request, "user": AnonymousUser()}
        )
    assert 'href="/account/login/' in anonymous and 'href="/account/signup/"' in anonymous
    assert "/volunteer/profile/" not in anonymous

    with translation.override("fa"):
        signed_in = render_to_string(
            "includes/account_links.html", {"request": request, "user": VolunteerFactory()}
        )
    assert 'href="/volunteer/profile/"' in signed_in and 'href="/account/logout/"' in signed_in
    assert "/account/signup/" not in signed_in


# The volunteer's profile


def test_anonymous_visitors_are_sent_to_sign_in_from_volunteer_pages(client):
    for url in ["/volunteer/profile/", "/volunteer/profile/edit/", "/volunteer/account/delete/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/account/login/?next={url}"
    assert client.get("/en/volunteer/profile/")["Location"] == (
        "/en/account/login/?next=/en/volunteer/profile/"
    )


def test_volunteer_without_a_profile_is_sent_to_the_profile_form(client):
    client.force_login(VolunteerFactory(profile=None))
    assert client.get("/volunteer/profile/")["Location"] == "/volunteer/profile/edit/"


def test_volunteer_fills_in_their_profile_and_sees_it(client):
    volunteer = VolunteerFactory(profile=None)
    client.force_login(volunteer)
    tehran, tehran_city, _shiraz = tehran_and_shiraz()
    themes = list(Theme.objects.all()[:2])
    form_page = content(client.get("/volunteer/profile/edit/"))
    assert f'<optgroup label="{tehran.name_fa}">' in form_page

    response = client.post(
        "/volunteer/profile/edit/",
        {
            "display_name": "  سارا   علي‌زاده ",  # Arabic yeh, extra spaces
            "province": tehran.pk,
            "city": tehran_city.pk,
            "skills": "کمک‌های اولیه، آموزش کودکان, طراحي گرافیک",
            "interests": [theme.pk for theme in themes],
            "availability": "weekends",
            "languages": "فارسی، انگلیسی",
            "bio": "معلم بازنشسته‌ام.",
            "resume_public": "on",
        },
    )
    assert response["Location"] == "/volunteer/profile/"

    profile = VolunteerProfile.objects.get(user=volunteer)
    assert profile.display_name == "سارا علی‌زاده"
    assert sorted(profile.skills.names()) == sorted(
        ["کمک‌های اولیه", "آموزش کودکان", "طراحی گرافیک"]
    )
    assert profile.resume_public

    page = content(client.get("/volunteer/profile/"))
    assert "سارا علی‌زاده" in page
    assert "<li>طراحی گرافیک</li>" in page
    assert themes[0].name_fa in page
    assert tehran_city.name_fa in page
    assert "معلم بازنشسته‌ام." in page
    assert format_date(timezone.now(), "fa") in page  # Jalali, Persian digits
    assert volunteer.email in page


def test_saved_skills_come_back_in_the_form_with_persian_commas(client):
    profile = VolunteerProfileFactory()
    profile.skills.set(["آموزش", "طراحی گرافیک"])
    client.force_login(profile.user)
    page = content(client.get("/volunteer/profile/edit/"))
    assert re.search(r'value="(آموزش، طراحی گرافیک|طراحی گرافیک، آموزش)"', page)


def test_a_city_outside_the_chosen_province_is_refused(client):
    volunteer = VolunteerFactory(profile=None)
    client.force_login(volunteer)
    tehran, _tehran_city, shiraz = tehran_and_shiraz()
    response = client.post(
        "/volunteer/profile/edit/",
        {
            "display_name": "سارا",
            "province": tehran.pk,
            "city": shiraz.pk,
            "availability": "flexible",
        },
    )
    assert response.status_code == 200
    assert "city" in response.context["form"].errors
    page = content(response)
    error = re.search(r'<ul class="errorlist" id="id_city_error" role="alert"><li>(.*?)</li>', page)
    assert error and "شیراز" in error.group(1) and "تهران" in error.group(1)
    assert not VolunteerProfile.objects.filter(user=volunteer).exists()


def test_a_city_alone_brings_its_province(client):
    volunteer = VolunteerFactory(profile=None)
    client.force_login(volunteer)
    _tehran, _tehran_city, shiraz = tehran_and_shiraz()
    client.post(
        "/volunteer/profile/edit/",
        {"display_name": "سارا", "city": shiraz.pk, "availability": "flexible"},
    )
    assert VolunteerProfile.objects.get(user=volunteer).province == shiraz.province


@pytest.mark.parametrize(
    "bad_input",
    [
        {"display_name": ""},
        {"display_name": "x" * 101},
        {"province": "abc"},
        {"province": "۹۹۹۹۹"},
        {"city": "not-a-city"},
        {"interests": ["nope"]},
        {"availability": "never"},
        {"bio": "ب" * 1001},
        {"skills": "، ".join(f"مهارت {n}" for n in range(30))},
        {"skills": "ب" * 200},
    ],
)
def test_bad_profile_input_is_refused_without_saving_anything(client, bad_input):
    profile = VolunteerProfileFactory(display_name="نام قبلی")
    client.force_login(profile.user)
    data = {"display_name": "نام تازه", "availability": "flexible", **bad_input}
    response = client.post("/volunteer/profile/edit/", data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'role="alert"' in content(response)
    profile.refresh_from_db()
    assert profile.display_name == "نام قبلی"
    assert not Skill.objects.exists()


def test_a_volunteer_never_sees_another_volunteers_data(client):
    sara = VolunteerFactory(profile__display_name="سارا")
    reza = VolunteerFactory(profile__display_name="رضا محمدی", profile__bio="رازهای رضا")
    client.force_login(sara)
    for url in ["/volunteer/profile/", "/volunteer/profile/edit/", "/volunteer/account/delete/"]:
        page = content(client.get(url))
        assert "رضا محمدی" not in page and "رازهای رضا" not in page
        assert reza.email not in page
    client.post("/volunteer/profile/edit/", {"display_name": "سارا ۲", "availability": "weekdays"})
    reza.volunteer_profile.refresh_from_db()
    assert reza.volunteer_profile.display_name == "رضا محمدی"
    assert VolunteerProfile.objects.get(user=sara).display_name == "سارا ۲"


def test_skills_are_a_persian_vocabulary_with_unicode_slugs():
    skill = Skill.objects.create(name="كمك‌هاي اوليه")  # typed on an Arabic keyboard
    assert skill.slug == "کمکهای-اولیه"


# Deleting an account


def volunteer_with_skills():
    profile = VolunteerProfileFactory(display_name="سارا")
    profile.skills.set(["مهارت خاص سارا", "آموزش"])
    profile.interests.set(Theme.objects.all()[:1])
    other = VolunteerProfileFactory()
    other.skills.set(["آموزش"])
    return profile.user


def test_volunteer_deletes_their_account_and_only_an_anonymous_user_remains(client):
    volunteer = volunteer_with_skills()
    old_email = volunteer.email
    client.force_login(volunteer)
    delete_page = client.get("/volunteer/account/delete/")
    assert 'autocomplete="current-password"' in content(delete_page)

    response = client.post("/volunteer/account/delete/", {"password": VOLUNTEER_PASSWORD})
    assert response["Location"] == "/volunteer/account/deleted/"
    assert client.get(response["Location"]).status_code == 200

    volunteer.refresh_from_db()
    assert volunteer.username.startswith("deleted-")
    assert (volunteer.email, volunteer.first_name, volunteer.last_name) == ("", "", "")
    assert not volunteer.has_usable_password()
    assert not volunteer.is_active
    assert not VolunteerProfile.objects.filter(user=volunteer).exists()
    assert not EmailAddress.objects.filter(user=volunteer).exists()
    assert not EmailAddress.objects.filter(email=old_email).exists()
    assert list(Skill.objects.values_list("name", flat=True)) == ["آموزش"]  # still used

    # Signed out.
    assert "_auth_user_id" not in client.session
    assert client.get("/volunteer/profile/").status_code == 302

    entry = ModelLogEntry.objects.get(action=ACCOUNT_DELETED_ACTION)
    assert entry.object_id == str(volunteer.pk)
    assert entry.user is None
    assert entry.label == volunteer.username  # no name or e-mail in the audit log

    # The same address can sign up again.
    mail.outbox.clear()
    assert sign_up(client, email=old_email)["Location"] == "/account/confirm-email/"
    assert User.objects.filter(email=old_email).count() == 1
    assert len(mail.outbox) == 1


def test_deletion_with_a_wrong_password_is_refused_and_nothing_changes(client):
    volunteer = volunteer_with_skills()
    client.force_login(volunteer)
    response = client.post("/volunteer/account/delete/", {"password": "wrong-password"})
    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    assert 'role="alert"' in content(response)

    volunteer.refresh_from_db()
    assert volunteer.is_active and volunteer.check_password(VOLUNTEER_PASSWORD)
    assert VolunteerProfile.objects.filter(user=volunteer).exists()
    assert EmailAddress.objects.filter(user=volunteer).exists()
    assert Skill.objects.count() == 2
    assert client.session["_auth_user_id"] == str(volunteer.pk)
    assert not ModelLogEntry.objects.filter(action=ACCOUNT_DELETED_ACTION).exists()


def test_guessing_the_password_to_delete_an_account_is_slowed_down(client):
    volunteer = VolunteerFactory()
    client.force_login(volunteer)
    for _attempt in range(10):
        client.post("/volunteer/account/delete/", {"password": "guess"})
    response = client.post("/volunteer/account/delete/", {"password": VOLUNTEER_PASSWORD})
    assert response.status_code == 429
    assert 'role="alert"' in content(response)
    volunteer.refresh_from_db()
    assert volunteer.is_active


def test_an_account_without_a_password_is_deleted_by_typing_the_confirmation_word(client):
    volunteer = VolunteerFactory()
    volunteer.set_unusable_password()
    volunteer.save()
    client.force_login(volunteer)
    assert client.post("/volunteer/account/delete/", {"confirmation": "no"}).status_code == 200
    with translation.override("fa"):
        word = AccountDeletionForm.confirmation_word()
    response = client.post("/volunteer/account/delete/", {"confirmation": f" {word} "})
    assert response["Location"] == "/volunteer/account/deleted/"
    volunteer.refresh_from_db()
    assert not volunteer.is_active


def test_accounts_with_admin_access_are_not_deleted_from_the_public_site(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw-12345678")
    client.force_login(admin)
    response = client.post("/volunteer/account/delete/", {"password": "pw-12345678"})
    assert response.status_code == 403
    admin.refresh_from_db()
    assert admin.is_active and admin.email == "root@example.org"

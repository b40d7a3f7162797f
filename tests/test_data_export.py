"""Finding 7 of the security review: "Volunteers cannot download their own data".

A volunteer downloads everything Nikrah holds about them from their profile, as one archive
of JSON and PDF files with their certificates' signed credentials; nothing in it is about
anyone else. A charity's editors download their charity's records from their corner of the
admin, and nothing of another charity's."""

import base64
import csv
import datetime
import io
import json
import zipfile
from decimal import Decimal

import jwt
import pytest
from allauth.account.models import EmailAddress
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.contrib.auth import get_user_model
from django.utils import timezone

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.models import Province, Theme
from charities.services import add_editor
from experience import credentials
from experience import recording as experience
from experience.models import Certificate, HoursEntry
from newsroom.factories import NewsIndexPageFactory, NewsPageFactory
from newsroom.models import Comment
from opportunities import applying
from opportunities.factories import OpportunityPageFactory, VolunteerFactory
from opportunities.models import Application, VolunteerProfile
from tests.snapshots import shared_rows
from tests.test_application_review import committee_member
from workinggroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)

ZAHRA = "زهرا احمدی‌نژاد"
ZAHRA_PHONE = "09121234567"
WELCOME = "خوش آمدید؛ شنبه‌ها منتظرتان هستیم."
THANKS = "ممنون از حضورتان"
CLOSED = "این روز کارگاه تعطیل بود"
ALI = "علی کریمی"
ALI_MOTIVATION = "انگیزهٔ علی برای کارگاه نقاشی"


def build_story(home_page):
    """Zahra volunteers with Mehrvarzan (accepted, hours confirmed and one rejected, a
    certificate) and has applied to Hamyaran; Ali applied to the same workshop; both
    comment on the news."""
    directory = CharityIndexPageFactory(parent=home_page)
    ours = make_charity("مهرورزان", directory=directory)
    theirs = make_charity("همیاران", directory=directory)
    group = WorkingGroupPageFactory(
        parent=WorkingGroupIndexPageFactory(parent=home_page), members=[ours, theirs]
    )
    painting = OpportunityPageFactory(
        parent=group,
        title="مربی کارگاه نقاشی",
        charity=ours,
        starts_on=TODAY - 30 * DAY,
        ends_on=TODAY + 30 * DAY,
        certificate_after_hours=Decimal("4"),
    )
    driving = OpportunityPageFactory(parent=group, title="رانندهٔ آمبولانس", charity=theirs)
    editor1, editor2 = UserFactory(username="editor1"), UserFactory(username="editor2")
    add_editor(ours, editor1)
    add_editor(theirs, editor2)

    zahra = VolunteerFactory(profile__display_name=ZAHRA, first_name="زهرا")
    profile = zahra.volunteer_profile
    profile.phone = ZAHRA_PHONE
    profile.bio = "معلم نقاشی‌ام و آخر هفته‌ها آزادم."
    profile.province = Province.objects.get(code="IR-23")
    profile.save()
    profile.skills.add("نقاشی")
    profile.interests.add(Theme.objects.order_by("pk").first())
    EmailAddress.objects.create(user=zahra, email="zahra.old@example.org", verified=False)

    application, _ = applying.apply(
        painting, zahra, motivation="عاشق کار با کودکانم.", availability="شنبه‌ها", consent=True
    )
    applying.decide(application, Application.Status.ACCEPTED, WELCOME, user=editor1)
    given = experience.log_hours(
        application, zahra, date=TODAY - 2 * DAY, hours=Decimal("5.5"), description="کارگاه"
    )
    experience.review_hours([given], HoursEntry.Status.CONFIRMED, user=editor1, note=THANKS)
    wrong = experience.log_hours(
        application, zahra, date=TODAY - 3 * DAY, hours=Decimal("2"), description="جلسه"
    )
    experience.review_hours([wrong], HoursEntry.Status.REJECTED, user=editor1, note=CLOSED)
    applying.apply(driving, zahra, motivation="رانندگی بلدم.", availability="جمعه‌ها", consent=True)

    ali = VolunteerFactory(profile__display_name=ALI)
    applying.apply(painting, ali, motivation=ALI_MOTIVATION, availability="عصرها", consent=True)

    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    for name, email, text in [
        ("زهرا", zahra.email.upper(), "گزارش خوبی بود."),
        ("زهرا", "zahra.old@example.org", "از نشانی تأییدنشده"),
        (ALI, ali.email, "نظر علی"),
    ]:
        Comment.objects.create(page=news, name=name, email=email, text=text, address_key="k" * 64)
    return {
        "ours": ours,
        "theirs": theirs,
        "painting": painting,
        "driving": driving,
        "editor1": editor1,
        "editor2": editor2,
        "zahra": zahra,
        "ali": ali,
        "certificate": Certificate.objects.get(volunteer=zahra),
    }


story_rows = shared_rows(build_story)


@pytest.fixture
def story(story_rows, db):
    return story_rows.fresh()


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def read_json(archive, name):
    raw = archive.read(name)
    assert b"\\u06" not in raw  # Persian is written as it reads, not escaped
    return json.loads(raw.decode("utf-8"))


def all_text(archive):
    """Every file of the archive but the PDFs, as text (JSON decoded, so no escapes hide)."""
    texts = []
    for name in archive.namelist():
        if name.endswith(".pdf"):
            continue
        text = archive.read(name).decode("utf-8")
        texts.append(
            json.dumps(json.loads(text), ensure_ascii=False) if name.endswith(".json") else text
        )
    return "\n".join(texts)


def assert_every_field(model, record, *, left_out=()):
    """Each field the model stores about the person is in the record, but those the README
    says are left out."""
    fields = {field.name for field in [*model._meta.concrete_fields, *model._meta.many_to_many]}
    assert fields - set(left_out) <= set(record), sorted(fields - set(left_out) - set(record))


def _b64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_a_volunteer_downloads_everything_nikrah_holds_about_them(client, story):
    zahra = story["zahra"]
    client.force_login(zahra)
    profile_page = client.get("/volunteer/profile/").content.decode()
    assert 'href="/volunteer/my-data/"' in profile_page
    assert "دریافت همهٔ داده‌های من" in profile_page

    archive = download(client, "/volunteer/my-data/")
    code = story["certificate"].code
    assert set(archive.namelist()) == {
        "README.txt",
        "profile.json",
        "applications.json",
        "hours.json",
        "certificates.json",
        f"certificates/{code}.pdf",
        f"certificates/{code}.jwt",
        "resume.pdf",
        "comments.json",
    }

    readme = archive.read("README.txt").decode("utf-8")
    for name in ["profile.json", "applications.json", "hours.json", "comments.json"]:
        assert name in readme
    assert "هر فایل چیست" in readme and "What each file is" in readme
    assert "verified" in readme and "تأیید" in readme  # how comments were found
    assert "messages to you" in readme  # the choice about the charities' notes

    document = read_json(archive, "profile.json")
    account = document["account"]
    assert account["username"] == zahra.username and account["email"] == zahra.email
    assert_every_field(get_user_model(), account, left_out=["password"])
    assert {a["email"]: a["verified"] for a in document["email_addresses"]} == {
        zahra.email: True,
        "zahra.old@example.org": False,
    }
    for address in document["email_addresses"]:
        assert_every_field(EmailAddress, address, left_out=["user"])
    volunteer = document["volunteer_profile"]
    assert_every_field(VolunteerProfile, volunteer, left_out=["user"])
    assert volunteer["display_name"] == ZAHRA and volunteer["phone"] == ZAHRA_PHONE
    assert volunteer["province"]["code"] == "IR-23" and volunteer["skills"] == ["نقاشی"]
    assert datetime.datetime.fromisoformat(volunteer["created_at"]).tzinfo is not None

    applications = read_json(archive, "applications.json")
    assert [a["opportunity"]["title"] for a in applications] == [
        "مربی کارگاه نقاشی",
        "رانندهٔ آمبولانس",
    ]
    for application in applications:
        assert_every_field(Application, application, left_out=["volunteer"])
    painting = applications[0]
    assert painting["status"] == "accepted" and painting["message"] == WELCOME
    assert painting["decisions"][0]["status"] == "accepted"
    assert painting["decisions"][0]["message"] == WELCOME
    assert applications[1]["status"] == "submitted"

    hours = read_json(archive, "hours.json")
    assert {(h["hours"], h["status"], h["note"]) for h in hours} == {
        (5.5, "confirmed", THANKS),
        (2, "rejected", CLOSED),
    }
    for entry in hours:
        assert_every_field(HoursEntry, entry)
        assert entry["recorded_by"] == "volunteer" and entry["reviewed_by"] == "staff"
        assert datetime.date.fromisoformat(entry["date"]) < TODAY

    [certificate] = read_json(archive, "certificates.json")
    assert_every_field(Certificate, certificate, left_out=["volunteer"])
    assert certificate["code"] == code and certificate["volunteer_name"] == ZAHRA
    assert certificate["hours"] == 5.5 and certificate["revoked_at"] is None
    assert archive.read(f"certificates/{code}.pdf").startswith(b"%PDF-")
    assert archive.read("resume.pdf").startswith(b"%PDF-")

    [comment] = read_json(archive, "comments.json")
    assert comment["text"] == "گزارش خوبی بود." and comment["page"]["title"]
    assert_every_field(Comment, comment, left_out=["address_key"])

    # Nothing about anyone else: not the other applicant, not the charity's staff.
    text = all_text(archive)
    for other in [ALI, ALI_MOTIVATION, story["ali"].email, "نظر علی", "editor1", "k" * 64]:
        assert other not in text


def test_the_archives_credential_is_the_one_issued_and_verifies(client, story):
    """Checked as a verifier would, with PyJWT and cryptography and only what is published,
    not with Nikrah's own verification code."""
    client.force_login(story["zahra"])
    code = story["certificate"].code
    token = download(client, "/volunteer/my-data/").read(f"certificates/{code}.jwt").decode()
    assert token == client.get(f"/certificates/{code}/credential/").content.decode()

    jwks = json.loads(client.get("/.well-known/jwks.json").content)
    header = jwt.get_unverified_header(token)
    [jwk] = [key for key in jwks["keys"] if header["kid"].endswith("#" + key["kid"])]
    claims = jwt.decode(token, jwt.PyJWK(jwk).key, algorithms=["EdDSA"])
    assert claims["credentialSubject"]["identifier"][0]["identityHash"] == ZAHRA
    signing_input, _, signature = token.rpartition(".")
    Ed25519PublicKey.from_public_bytes(_b64(jwk["x"])).verify(
        _b64(signature), signing_input.encode("ascii")
    )
    status_list = client.get("/credentials/revocation-list/").content.decode()
    assert credentials.check_credential(token, jwks, status_list)["id"].endswith(
        f"/certificates/{code}/credential/"
    )


def test_another_volunteer_downloads_only_their_own_data(client, story):
    client.force_login(story["ali"])
    archive = download(client, "/volunteer/my-data/?user=" + str(story["zahra"].pk))
    [application] = read_json(archive, "applications.json")
    assert application["motivation"] == ALI_MOTIVATION
    assert read_json(archive, "hours.json") == []
    assert read_json(archive, "certificates.json") == []
    assert [c["text"] for c in read_json(archive, "comments.json")] == ["نظر علی"]
    text = all_text(archive)
    for zahras in [ZAHRA, ZAHRA_PHONE, story["zahra"].email, WELCOME, THANKS]:
        assert zahras not in text


def test_visitors_are_asked_to_sign_in_and_nothing_is_changed_by_a_post(client, story):
    response = client.get("/volunteer/my-data/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=/volunteer/my-data/")
    client.force_login(story["zahra"])
    assert client.post("/volunteer/my-data/").status_code == 405


# A charity's records


def read_csv(archive, name):
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))


def test_a_charitys_editor_downloads_its_records_from_their_corner_of_the_admin(client, story):
    client.force_login(story["editor1"])
    url = f"/admin/charity-records/{story['ours'].pk}/"
    dashboard = client.get("/admin/").content.decode()
    assert f'href="{url}"' in dashboard
    assert "دریافت داده‌های خیریه" in dashboard

    archive = download(client, url)
    assert set(archive.namelist()) == {
        "README.txt",
        "charity.csv",
        "opportunities.csv",
        "applications.csv",
        "hours.csv",
        "certificates.csv",
    }
    assert [row["name"] for row in read_csv(archive, "charity.csv")] == ["مهرورزان"]
    assert [row["title"] for row in read_csv(archive, "opportunities.csv")] == ["مربی کارگاه نقاشی"]
    applications = {row["volunteer_name"]: row for row in read_csv(archive, "applications.csv")}
    assert set(applications) == {ZAHRA, ALI}
    assert applications[ZAHRA]["volunteer_phone"] == ZAHRA_PHONE
    assert applications[ZAHRA]["volunteer_email"] == story["zahra"].email
    assert applications[ALI]["motivation"] == ALI_MOTIVATION
    assert {row["hours"] for row in read_csv(archive, "hours.csv")} == {"5.5", "2"}
    [certificate] = read_csv(archive, "certificates.csv")
    assert certificate["code"] == story["certificate"].code
    # Nothing of Hamyaran's: not its opportunity, not Zahra's application to it.
    text = all_text(archive)
    assert "رانندهٔ آمبولانس" not in text and "رانندگی بلدم." not in text


def test_other_charities_editors_committees_and_volunteers_get_nothing(client, story):
    url = f"/admin/charity-records/{story['ours'].pk}/"
    for outsider in [story["editor2"], committee_member("executive")]:
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert url not in client.get("/admin/").content.decode()
    client.force_login(story["zahra"])
    assert client.get(url)["Location"].startswith("/admin/login/")


def test_platform_admins_download_any_charitys_records(client, story):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw-12345678")
    client.force_login(admin)
    url = f"/admin/charity-records/{story['theirs'].pk}/"
    assert f'href="{url}"' in client.get("/admin/charities/").content.decode()
    archive = download(client, url)
    assert [row["title"] for row in read_csv(archive, "opportunities.csv")] == ["رانندهٔ آمبولانس"]
    [application] = read_csv(archive, "applications.csv")
    assert application["volunteer_name"] == ZAHRA

"""A database whose hours and certificates are still the opportunities app's migrates to the
experience app without losing anything: every row keeps its id and what it says, the
content types (and so permissions, audit log entries and references) follow, groups keep
their permissions as "experience.<codename>", and a certificate still verifies."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import ModelLogEntry

from experience import credentials
from experience.models import Certificate, HoursEntry

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("opportunities", "0007_language_names"), ("experience", None)]
TODAY = datetime.date(2026, 11, 20)


def migrate(targets=None):
    """Migrate the test database to ``targets`` (default: every app's latest migration);
    returns the executor, whose loader knows what is applied now."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return MigrationExecutor(connection)


def historical_apps(executor):
    """The models as they are before the experience app: every app at its latest
    migration, opportunities at 0007."""
    graph = executor.loader.graph
    nodes = [node for node in graph.leaf_nodes() if node[0] not in {"opportunities", "experience"}]
    return executor.loader.project_state([*nodes, BEFORE[0]]).apps


def old_content_type(apps, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="opportunities", model=model)[0]


def permission(apps, content_type, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )[0]


def build_history(apps):
    """A charity's opportunity, a volunteer taking part with confirmed, pending and rejected
    hours, two certificates (one revoked), an editors' group allowed to confirm hours, an
    audit log entry of an issue, and a content type of the experience app already there
    (as Django makes after any migrate) with a group holding one of its permissions."""
    User = apps.get_model("auth", "User")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    Charity = apps.get_model("charities", "Charity")
    Province = apps.get_model("charities", "Province")
    OpportunityPage = apps.get_model("opportunities", "OpportunityPage")
    Application = apps.get_model("opportunities", "Application")
    HoursEntry = apps.get_model("opportunities", "HoursEntry")
    Certificate = apps.get_model("opportunities", "Certificate")
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")

    editor = User.objects.create(username="editor1", email="editor1@example.org")
    volunteer = User.objects.create(username="zahra", email="zahra@example.org")
    charity = Charity.objects.create(name="مهرورزان")
    home = Page.objects.get(depth=2)
    opportunity = OpportunityPage.objects.create(
        title="مربی کارگاه نقاشی",
        draft_title="مربی کارگاه نقاشی",
        slug="painting-workshop",
        path=home.path + "ZZZZ",
        depth=home.depth + 1,
        url_path=f"{home.url_path}painting-workshop/",
        content_type=ContentType.objects.get_or_create(
            app_label="opportunities", model="opportunitypage"
        )[0],
        locale=Locale.objects.get(pk=home.locale_id),
        translation_key=uuid.uuid4(),
        live=True,
        description=[],
        charity=charity,
        province=Province.objects.get(code="IR-23"),
        starts_on=TODAY - datetime.timedelta(days=30),
        ends_on=TODAY,
        places=5,
    )
    application = Application.objects.create(
        opportunity=opportunity,
        volunteer=volunteer,
        motivation="دوست دارم کمک کنم.",
        availability="عصرها",
        consent_to_share=True,
        status="completed",
    )
    now = timezone.now()
    hours = [
        HoursEntry.objects.create(
            application=application,
            date=TODAY - datetime.timedelta(days=days_ago),
            hours=Decimal(amount),
            description="کارگاه نقاشی",
            status=status,
            recorded_by=volunteer,
            reviewed_by=editor if status != "pending" else None,
            reviewed_at=now if status != "pending" else None,
            note="مرسی" if status == "confirmed" else "",
        )
        for days_ago, amount, status in [
            (20, "3.5", "confirmed"),
            (13, "4", "confirmed"),
            (6, "2.25", "pending"),
            (5, "1", "rejected"),
        ]
    ]
    certificate_fields = {
        "application": application,
        "volunteer": volunteer,
        "charity": charity,
        "volunteer_name": "زهرا احمدی",
        "role": "مربی کارگاه نقاشی",
        "project_title": "کتابخانهٔ سیار",
        "charity_name": "مهرورزان",
        "hours": Decimal("7.50"),
        "period_start": TODAY - datetime.timedelta(days=20),
        "period_end": TODAY - datetime.timedelta(days=13),
        "issued_on": TODAY - datetime.timedelta(days=10),
        "issued_by": editor,
    }
    certificates = [
        Certificate.objects.create(
            code="K7Q2-9XHM-3PRD-WT8C",
            kind="participation",
            status_index=4321,
            **certificate_fields,
        ),
        Certificate.objects.create(
            code="B3VN-7RRT-Q2KD-MZ4H",
            kind="hours",
            status_index=98765,
            revoked_at=now,
            revoked_reason="به اشتباه صادر شد",
            revoked_by=editor,
            **certificate_fields,
        ),
    ]

    hours_type = old_content_type(apps, "hoursentry")
    certificate_type = old_content_type(apps, "certificate")
    editors = Group.objects.create(name="ویراستاران مهرورزان")
    editors.permissions.add(permission(apps, hours_type, "change_hoursentry"))
    editor.groups.add(editors)
    ModelLogEntry.objects.create(
        content_type=certificate_type,
        object_id=str(certificates[0].pk),
        label=str(certificates[0].code),
        action="nikrah.certificate.issued",
        user=editor,
        timestamp=now,
    )

    stale_type = ContentType.objects.create(app_label="experience", model="certificate")
    auditors = Group.objects.create(name="بازرسان")
    auditors.permissions.add(permission(apps, stale_type, "view_certificate"))
    auditor = User.objects.create(username="auditor", email="auditor@example.org")
    auditor.groups.add(auditors)
    return {
        "hours": hours,
        "certificates": certificates,
        "hours_type": hours_type,
        "certificate_type": certificate_type,
    }


HOURS_FIELDS = (
    "id",
    "application_id",
    "date",
    "hours",
    "description",
    "status",
    "recorded_by_id",
    "reviewed_by_id",
    "reviewed_at",
    "note",
    "created_at",
)
CERTIFICATE_FIELDS = (
    "id",
    "code",
    "kind",
    "application_id",
    "volunteer_id",
    "charity_id",
    "volunteer_name",
    "role",
    "project_title",
    "charity_name",
    "hours",
    "period_start",
    "period_end",
    "issued_on",
    "issued_by_id",
    "status_index",
    "revoked_at",
    "revoked_reason",
    "revoked_by_id",
)


def as_rows(objects, fields):
    return sorted(tuple(getattr(obj, field) for field in fields) for obj in objects)


def test_hours_and_certificates_keep_every_row_and_permission_in_the_experience_app(client):
    executor = migrate(BEFORE)
    try:
        apps = historical_apps(executor)
        history = build_history(apps)
        old_hours = as_rows(history["hours"], HOURS_FIELDS)
        old_certificates = as_rows(history["certificates"], CERTIFICATE_FIELDS)
        hours_type_id = history["hours_type"].pk
        certificate_type_id = history["certificate_type"].pk
    finally:
        migrate()

    # Every row, as it was.
    assert as_rows(HoursEntry.objects.all(), HOURS_FIELDS) == old_hours
    assert as_rows(Certificate.objects.all(), CERTIFICATE_FIELDS) == old_certificates
    assert HoursEntry.objects.confirmed().total() == Decimal("7.5")

    # The same content types, under the experience app's label; the one that was there
    # already is gone.
    hours_type = ContentType.objects.get(pk=hours_type_id)
    certificate_type = ContentType.objects.get(pk=certificate_type_id)
    assert (hours_type.app_label, hours_type.model) == ("experience", "hoursentry")
    assert (certificate_type.app_label, certificate_type.model) == ("experience", "certificate")
    assert not ContentType.objects.filter(app_label="opportunities", model="hoursentry").exists()
    assert ContentType.objects.filter(model="certificate").count() == 1

    # Groups keep what they may do, under the new label.
    User = get_user_model()
    editor, auditor = User.objects.get(username="editor1"), User.objects.get(username="auditor")
    assert editor.has_perm("experience.change_hoursentry")
    assert auditor.has_perm("experience.view_certificate")
    editors = Group.objects.get(name="ویراستاران مهرورزان")
    assert [f"{p.content_type.app_label}.{p.codename}" for p in editors.permissions.all()] == [
        "experience.change_hoursentry"
    ]

    # The certificate's history is still its own.
    issued = Certificate.objects.get(code="K7Q2-9XHM-3PRD-WT8C")
    assert [entry.action for entry in ModelLogEntry.objects.for_instance(issued)] == [
        "nikrah.certificate.issued"
    ]

    # Anyone can still check both certificates with only what the site publishes.
    jwks = client.get("/.well-known/jwks.json").json()
    status_list = client.get("/credentials/revocation-list/").content.decode()
    token = client.get(f"/certificates/{issued.code}/credential/").content.decode()
    credential = credentials.check_credential(token, jwks, status_list)
    assert credential["credentialStatus"]["statusListIndex"] == "4321"
    subject = credential["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == "زهرا احمدی"
    assert subject["result"][0]["value"] == "7.5"
    revoked = client.get("/certificates/B3VN-7RRT-Q2KD-MZ4H/credential/").content.decode()
    with pytest.raises(credentials.InvalidCredential, match="revoked"):
        credentials.check_credential(revoked, jwks, status_list)
    page = client.get(f"/certificates/{issued.code}/")
    assert page.status_code == 200
    assert "زهرا احمدی" in page.content.decode()

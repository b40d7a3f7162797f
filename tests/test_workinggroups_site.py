"""Working groups and projects as visitors see them; committees as admins keep them."""

import datetime

import pytest
from django.contrib.auth.models import Group

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.models import Province
from workinggroups.factories import (
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from workinggroups.models import Committee, ProjectUpdate


@pytest.fixture
def groups(home_page):
    directory = CharityIndexPageFactory(parent=home_page)
    mehrvarzan = make_charity("مهرورزان", directory=directory)
    index = WorkingGroupIndexPageFactory(parent=home_page)
    children = WorkingGroupPageFactory(
        parent=index, slug="children", title="کارگروه کودکان", members=[mehrvarzan]
    )
    tehran = WorkingGroupPageFactory(
        parent=index,
        slug="tehran",
        title="کارگروه تهران",
        kind="regional",
        theme=None,
        province=Province.objects.get(code="IR-23"),
    )
    return {"index": index, "children": children, "tehran": tehran, "mehrvarzan": mehrvarzan}


def test_index_groups_working_groups_by_kind(client, groups):
    content = client.get("/working-groups/").content.decode()
    thematic = content.index("کارگروه‌های موضوعی")
    regional = content.index("کارگروه‌های منطقه‌ای")
    assert thematic < content.index("کارگروه کودکان") < regional < content.index("کارگروه تهران")


def test_working_group_lists_projects_by_priority_with_status(client, groups):
    ProjectPageFactory(parent=groups["children"], title="دومین", priority=2, status="approved")
    ProjectPageFactory(parent=groups["children"], title="نخستین", priority=1, status="active")
    draft = ProjectPageFactory(parent=groups["children"], title="پیش‌نویس", priority=0)
    draft.unpublish()
    content = client.get("/working-groups/children/").content.decode()
    assert content.index("نخستین") < content.index("دومین")
    assert "در حال اجرا" in content and "تأییدشده" in content
    assert "پیش‌نویس" not in content
    assert "مهرورزان" in content  # member charity


def test_project_page_shows_goals_updates_and_lead(client, groups):
    project = ProjectPageFactory(
        parent=groups["children"],
        slug="camp",
        lead_charity=groups["mehrvarzan"],
        starts_on=datetime.date(2023, 1, 10),
    )
    ProjectUpdate.objects.create(page=project, date=datetime.date(2023, 2, 1), text="گام نخست")
    project.save_revision().publish()
    content = client.get("/working-groups/children/camp/").content.decode()
    assert "گام نخست" in content
    assert "۱۲ بهمن ۱۴۰۱" in content
    assert "۲۰ دی ۱۴۰۱" in content
    assert "مهرورزان" in content


def test_a_thematic_group_needs_a_theme_and_a_regional_group_a_province(groups):
    from django.core.exceptions import ValidationError

    group = groups["tehran"]
    group.province = None
    with pytest.raises(ValidationError):
        group.full_clean()


def test_project_cannot_end_before_it_starts(groups):
    from django.core.exceptions import ValidationError

    project = ProjectPageFactory(parent=groups["children"])
    project.starts_on = datetime.date(2024, 1, 2)
    project.ends_on = datetime.date(2024, 1, 1)
    with pytest.raises(ValidationError):
        project.full_clean()


def test_admin_creates_a_committee_and_its_group_follows(admin_client, db):
    member = UserFactory(username="coordinator")
    response = admin_client.post(
        "/admin/committees/new/",
        {
            "kind": "coordinators",
            "name_fa": "هماهنگ‌کنندگان کارگروه سلامت",
            "name_en": "Health coordinators",
            "mandate": "",
            "members": [member.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    committee = Committee.objects.get(name_fa="هماهنگ‌کنندگان کارگروه سلامت")
    assert committee.group.name == committee.name_fa
    assert list(committee.members) == [member]
    assert committee.group.permissions.filter(codename="access_admin").exists()

    admin_client.post(
        f"/admin/committees/edit/{committee.pk}/",
        {"kind": "coordinators", "name_fa": "هماهنگ‌کنندگان سلامت", "name_en": "", "mandate": ""},
    )
    committee.refresh_from_db()
    assert Group.objects.get(pk=committee.group_id).name == "هماهنگ‌کنندگان سلامت"
    assert not committee.members.exists()


def test_charity_editors_cannot_manage_committees(client, groups):
    editor = UserFactory(username="an-editor")
    from charities.services import add_editor

    add_editor(groups["mehrvarzan"], editor)
    client.force_login(editor)
    assert client.get("/admin/committees/").status_code in (302, 403)


def test_charity_profile_shows_its_projects_and_working_groups(client, groups):
    ProjectPageFactory(
        parent=groups["children"], title="پروژهٔ مهرورزان", lead_charity=groups["mehrvarzan"]
    )
    ProjectPageFactory(parent=groups["children"], title="پروژهٔ دیگران")
    content = client.get(groups["mehrvarzan"].profile.url).content.decode()
    assert "پروژهٔ مهرورزان" in content
    assert "پروژهٔ دیگران" not in content
    assert "کارگروه کودکان" in content
    assert "کارگروه تهران" not in content

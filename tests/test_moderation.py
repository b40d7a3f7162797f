"""Moderation before publishing: editors submit, the committee the rule names reviews, and
only what it approves is ever public."""

import datetime

from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from charities.factories import UserFactory
from charities.services import add_editor, grant_editors_page
from newsroom.factories import NewsPageFactory
from newsroom.models import NewsIndexPage
from tests.moderation_world import current_task_state, submit_news
from workinggroups.factories import (
    ProjectPageFactory,
)
from workinggroups.models import ProjectPage
from workinggroups.moderation import reviewing_committee


def project_form(title, slug, **extra):
    data = {
        "title": title,
        "slug": slug,
        "summary": "",
        "goals": rich_text("<p>هدف پروژه</p>"),
        "description": streamfield([]),
        "status": "proposed",
        "priority": "5",
        "starts_on": "",
        "ends_on": "",
        "updates": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def submit_project(client, user, working_group, title="اردوی تابستانی", slug="summer-camp"):
    client.force_login(user)
    response = client.post(
        f"/admin/pages/add/workinggroups/projectpage/{working_group.pk}/",
        project_form(title, slug, **{"action-submit": "submit"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return ProjectPage.objects.get(slug=slug)


def act(client, user, page, action, comment=""):
    client.force_login(user)
    state = current_task_state(page)
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/", {"comment": comment}
    )


def test_the_rule_names_one_committee_per_kind_of_page(world, home_page):
    project = ProjectPageFactory(parent=world["children"])
    news = NewsPageFactory(parent=NewsIndexPage.objects.child_of(world["mehrvarzan"].profile).get())
    assert reviewing_committee(project) == world["children"].committee
    assert reviewing_committee(world["children"]) == world["children"].committee
    assert reviewing_committee(news).kind == "culture"
    assert reviewing_committee(world["mehrvarzan"].profile).kind == "executive"
    assert reviewing_committee(home_page).kind == "executive"


def test_editor_submits_project_the_right_committee_approves_and_it_goes_live(client, world):
    project = submit_project(client, world["editor1"], world["children"])
    assert not project.live
    assert project.owner_charity == world["mehrvarzan"]
    assert client.get("/working-groups/children/summer-camp/").status_code == 404

    # It waits on exec1's dashboard (the children group's committee), not on culture1's.
    client.force_login(world["exec1"])
    assert "اردوی تابستانی" in client.get("/admin/").content.decode()
    client.force_login(world["culture1"])
    assert "اردوی تابستانی" not in client.get("/admin/").content.decode()

    response = act(client, world["exec1"], project, "approve")
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.live
    client.logout()
    assert client.get("/working-groups/children/summer-camp/").status_code == 200
    actions = set(PageLogEntry.objects.filter(page=project).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions


def test_rejection_returns_the_page_to_its_author_with_the_comment(client, world):
    project = submit_project(client, world["editor1"], world["children"])
    mail.outbox.clear()
    act(client, world["exec1"], project, "reject", comment="لطفاً تاریخ‌ها را روشن کنید.")
    project.refresh_from_db()
    assert not project.live
    assert project.current_workflow_state.status == "needs_changes"
    to_author = [message for message in mail.outbox if world["editor1"].email in message.to]
    assert to_author and "لطفاً تاریخ‌ها را روشن کنید." in to_author[0].body
    client.force_login(world["editor1"])
    editor_view = client.get(f"/admin/pages/{project.pk}/edit/").content.decode()
    assert "لطفاً تاریخ‌ها را روشن کنید." in editor_view


def test_editor_cannot_publish_directly(client, world):
    client.force_login(world["editor1"])
    client.post(
        f"/admin/pages/add/workinggroups/projectpage/{world['children'].pk}/",
        project_form("انتشار مستقیم", "direct", **{"action-publish": "publish"}),
    )
    page = ProjectPage.objects.get(slug="direct")
    assert not page.live


def test_committee_member_cannot_approve_another_committees_task(client, world):
    project = submit_project(client, world["editor1"], world["children"])
    response = act(client, world["culture1"], project, "approve")
    assert response.status_code in (302, 403)
    project.refresh_from_db()
    assert not project.live
    assert current_task_state(project).status == TaskState.STATUS_IN_PROGRESS


def test_committee_member_cannot_publish_outside_their_task(client, world):
    project = ProjectPageFactory(parent=world["children"], slug="draft-project", live=False)
    project.save_revision()
    client.force_login(world["culture1"])
    client.post(
        f"/admin/pages/{project.pk}/edit/",
        project_form(project.title, project.slug, **{"action-publish": "publish"}),
    )
    project.refresh_from_db()
    assert not project.live


def test_editor_of_a_non_member_charity_cannot_propose_a_project(client, world):
    client.force_login(world["editor2"])
    response = client.get(f"/admin/pages/add/workinggroups/projectpage/{world['children'].pk}/")
    assert response.status_code in (302, 403)


def test_other_charitys_editor_cannot_change_a_proposed_project(client, world):
    project = submit_project(client, world["editor1"], world["children"])
    world["children"].member_charities.add(world["toys"])
    world["children"].save_revision().publish()
    client.force_login(world["editor2"])
    assert client.get(f"/admin/pages/{project.pk}/edit/").status_code in (302, 403)
    colleague = UserFactory(username="editor1b")
    add_editor(world["mehrvarzan"], colleague)
    client.force_login(colleague)
    assert client.get(f"/admin/pages/{project.pk}/edit/").status_code == 200


def test_a_page_in_moderation_keeps_showing_its_approved_version(client, world):
    project = ProjectPageFactory(
        parent=world["children"], slug="live-project", title="نسخهٔ تأییدشده"
    )
    client.force_login(world["exec1"])
    response = client.post(
        f"/admin/pages/{project.pk}/edit/",
        project_form("نسخهٔ تأییدنشده", "live-project", **{"action-submit": "submit"}),
    )
    assert response.status_code == 302
    client.logout()
    public = client.get("/working-groups/children/live-project/").content.decode()
    assert "نسخهٔ تأییدشده" in public
    assert "نسخهٔ تأییدنشده" not in public
    listing = client.get("/working-groups/children/").content.decode()
    assert "نسخهٔ تأییدنشده" not in listing


def test_an_unapproved_new_page_is_nowhere_public(client, world):
    submit_project(client, world["editor1"], world["children"], title="پروژهٔ پنهان", slug="hidden")
    client.logout()
    assert client.get("/working-groups/children/hidden/").status_code == 404
    assert "پروژهٔ پنهان" not in client.get("/working-groups/children/").content.decode()
    assert "hidden" not in client.get("/sitemap.xml").content.decode()


def test_news_goes_to_the_cultural_committee(client, world):
    news = submit_news(client, world)
    assert act(client, world["exec1"], news, "approve").status_code in (302, 403)
    news.refresh_from_db()
    assert not news.live
    act(client, world["culture1"], news, "approve")
    news.refresh_from_db()
    assert news.live


def test_a_translation_goes_through_moderation_too(client, world, locale_en, home_page):
    home_en = home_page.copy_for_translation(locale_en)
    home_en.save_revision().publish()
    index_en = world["children"].get_parent().copy_for_translation(locale_en)
    index_en.save_revision().publish()
    group_en = world["children"].copy_for_translation(locale_en)
    group_en.save_revision().publish()
    project = ProjectPageFactory(
        parent=world["children"], slug="translated", owner_charity=world["mehrvarzan"]
    )
    grant_editors_page(world["mehrvarzan"], project)  # as when editor1 proposed it
    # Translating keeps the owner charity's rights on the translation, and it stays a draft.
    translation = project.copy_for_translation(locale_en)
    assert not translation.live

    client.force_login(world["editor1"])
    response = client.post(
        f"/admin/pages/{translation.pk}/edit/",
        project_form("Summer camp", translation.slug, **{"action-submit": "submit"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    translation.refresh_from_db()
    assert not translation.live
    act(client, world["exec1"], translation, "approve")
    translation.refresh_from_db()
    assert translation.live


def test_approval_with_a_go_live_date_schedules_publication(client, world):
    go_live = timezone.localtime() + datetime.timedelta(days=3)
    client.force_login(world["editor1"])
    client.post(
        f"/admin/pages/add/workinggroups/projectpage/{world['children'].pk}/",
        project_form(
            "پروژهٔ زمان‌بندی‌شده",
            "scheduled",
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
            **{"action-submit": "submit"},
        ),
    )
    project = ProjectPage.objects.get(slug="scheduled")
    act(client, world["exec1"], project, "approve")
    project.refresh_from_db()
    assert not project.live
    assert project.get_latest_revision().approved_go_live_at is not None


def test_submission_is_emailed_to_the_reviewing_committee_only(client, world):
    mail.outbox.clear()
    submit_project(client, world["editor1"], world["children"])
    recipients = {address for message in mail.outbox for address in message.to}
    assert world["exec1"].email in recipients
    assert world["culture1"].email not in recipients
    assert world["editor1"].email not in recipients

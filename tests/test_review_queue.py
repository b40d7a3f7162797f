"""The committee's review queue and the approval rule, through the admin's own screens."""

import pytest
from wagtail.models import TaskState

from newsroom.models import Comment
from tests.moderation_world import committee, current_task_state, member_of, news_form, submit_news
from workinggroups.revisions import same_written_content

QUEUE = "/admin/review-queue/"


@pytest.fixture
def news(client, world):
    """editor1's article, submitted to the cultural & networking committee."""
    news = submit_news(client, world)
    client.logout()
    return news


def approve_in_editor(client, user, page, form):
    """What the editor's «تأیید» sends: the whole form, as the browser holds it."""
    client.force_login(user)
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        {**form, "action-workflow-action": "true", "workflow-action-name": "approve"},
    )


def test_markup_the_editor_adds_is_not_a_change_but_a_new_title_is(world, news):
    submitted = news.get_latest_revision()
    body = news.body.raw_data
    body[0]["value"] = body[0]["value"].replace("<p>", '<p data-block-key="a1b2c">')
    news.body = body
    resaved = news.save_revision(user=world["culture1"])
    assert same_written_content(submitted, resaved)
    news.title = "عنوانی دیگر"
    assert not same_written_content(submitted, news.save_revision(user=world["culture1"]))


def test_approve_in_the_editor_publishes_though_the_editor_resaved_the_page(client, world, news):
    # Draftail gives every paragraph a block key: the form differs, the words do not.
    form = news_form("خبر تازه", body='<p data-block-key="x9y8z">متن خبر</p>', page=news)
    response = approve_in_editor(client, world["culture1"], news, form)

    assert response.status_code == 302
    assert response["Location"] == QUEUE
    news.refresh_from_db()
    assert news.live and not news.has_unpublished_changes
    assert not TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).exists()
    page = client.get(QUEUE).content.decode()
    assert "«خبر تازه» تأیید و منتشر شد." in page
    assert "بروزرسانی شد" not in page  # Wagtail's "page updated" gives way to the outcome


def test_a_reviewer_who_rewrites_while_approving_approves_once_more(client, world, news):
    response = approve_in_editor(
        client, world["culture1"], news, news_form("خبر بازنویسی‌شده", page=news)
    )

    assert response["Location"] == f"/admin/pages/{news.pk}/edit/"
    news.refresh_from_db()
    assert not news.live
    state = current_task_state(news)
    assert state.revision_id == news.latest_revision_id
    editor = client.get(response["Location"]).content.decode()
    assert "یک بار دیگر باید تأیید شود" in editor
    assert "مجوز لازم برای دسترسی" not in editor

    response = approve_in_editor(
        client, world["culture1"], news, news_form("خبر بازنویسی‌شده", page=news)
    )
    news.refresh_from_db()
    assert news.live and news.title == "خبر بازنویسی‌شده"


def test_request_changes_in_the_editor_returns_to_the_queue_and_the_author_reads_it(
    client, world, news
):
    client.force_login(world["culture1"])
    response = client.post(
        f"/admin/pages/{news.pk}/edit/",
        {
            **news_form("خبر تازه", page=news),
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": "عکس خبر را اضافه کنید."}',
        },
    )
    assert response["Location"] == QUEUE
    client.force_login(world["editor1"])
    editor = client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert "عکس خبر را اضافه کنید." in editor
    assert "دوباره برای بررسی بفرستید" in editor


def test_the_queue_shows_what_awaits_the_members_committee_with_its_actions(client, world, news):
    client.force_login(world["culture1"])
    page = client.get(QUEUE).content.decode()
    state = current_task_state(news)
    assert "خبر تازه" in page
    assert f"/admin/review-queue/{news.pk}/approve/{state.pk}/" in page
    assert f"/admin/review-queue/{news.pk}/reject/{state.pk}/" in page
    assert f"/admin/pages/workflow/preview/{news.pk}/{state.task_id}/" in page
    # Not live yet: nothing to compare with.
    assert "/compare/" not in page
    assert "۱ صفحه در انتظار بررسی" in page
    assert "فارسی" not in page  # the language is named only when it is not the reader's

    client.force_login(world["exec1"])
    assert "خبر تازه" not in client.get(QUEUE).content.decode()


def test_approving_from_the_queue_publishes_and_says_so(client, world, news):
    client.force_login(world["culture1"])
    state = current_task_state(news)
    response = client.post(f"/admin/review-queue/{news.pk}/approve/{state.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == QUEUE
    assert "«خبر تازه» تأیید و منتشر شد." in response.content.decode()
    news.refresh_from_db()
    assert news.live


def test_a_member_of_two_committees_sees_both_queues_and_the_comments_count(client, world, news):
    both = member_of("culture", "both")
    both.groups.add(committee("executive").group)
    news.save_revision().publish()
    Comment.objects.create(page=news, name="بازدیدکننده", text="عالی بود")
    client.force_login(both)
    page = client.get(QUEUE).content.decode()
    assert committee("culture").name in page and committee("executive").name in page
    assert "دیدگاه‌های در انتظار بررسی: ۱" in page
    dashboard = client.get("/admin/").content.decode()
    assert committee("culture").name in dashboard
    assert "دیدگاه‌های در انتظار بررسی: ۱" in dashboard


def test_the_queue_and_its_compare_view_are_for_reviewers_only(client, world, news):
    news.save_revision().publish()
    news.title = "تغییر در خبر منتشرشده"
    news.save_revision(user=world["editor1"])
    news.get_workflow().start(news, world["editor1"])
    revision = current_task_state(news).revision_id
    compare = f"/admin/review-queue/{news.pk}/compare/{revision}/"

    client.force_login(world["culture1"])
    assert compare in client.get(QUEUE).content.decode()
    response = client.get(compare)
    assert response.status_code == 200
    assert "تغییر در خبر منتشرشده" in response.content.decode()

    for other in (world["exec1"], world["editor2"]):
        client.force_login(other)
        assert client.get(compare).status_code == 404
    client.force_login(world["editor2"])
    assert client.get(QUEUE).status_code == 404


def test_the_queue_takes_as_many_queries_for_six_pages_as_for_two(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from workinggroups.factories import ProjectPageFactory

    def submit(count):
        for _ in range(count):
            project = ProjectPageFactory(parent=world["children"], live=False)
            project.save_revision(user=world["editor1"])
            project.get_workflow().start(project, world["editor1"])

    def queries():
        client.force_login(world["exec1"])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(QUEUE).status_code == 200
        return len(captured)

    submit(2)
    few = queries()
    submit(4)
    assert queries() == few

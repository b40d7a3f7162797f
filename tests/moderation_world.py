"""The small world the moderation tests share: two member charities with an editor each,
a working group, and one member of each network committee."""

from wagtail.models import TaskState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.services import add_editor
from workinggroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory
from workinggroups.models import Committee


def committee(kind):
    return Committee.objects.get(kind=kind)


def member_of(kind, username):
    user = UserFactory(username=username)
    user.groups.add(committee(kind).group)
    return user


def build_world(home_page):
    directory = CharityIndexPageFactory(parent=home_page)
    mehrvarzan = make_charity("مهرورزان", directory=directory)
    toys = make_charity("قصه اسباب بازی ها", directory=directory)
    index = WorkingGroupIndexPageFactory(parent=home_page)
    children = WorkingGroupPageFactory(
        parent=index, slug="children", committee=committee("executive"), members=[mehrvarzan]
    )
    editor1 = UserFactory(username="editor1")
    add_editor(mehrvarzan, editor1)
    editor2 = UserFactory(username="editor2")
    add_editor(toys, editor2)
    return {
        "mehrvarzan": mehrvarzan,
        "toys": toys,
        "children": children,
        "editor1": editor1,
        "editor2": editor2,
        "exec1": member_of("executive", "exec1"),
        "culture1": member_of("culture", "culture1"),
        "edu1": member_of("education", "edu1"),
    }


def current_task_state(page):
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def news_form(title, body="<p>متن خبر</p>", page=None, **extra):
    """The news editor's fields; for a saved ``page``, with its body block's id, as the
    editor keeps it."""
    data = nested_form_data(
        {
            "title": title,
            "slug": "fresh-news",
            "date": "2023-05-01",
            "kind": "news",
            "summary": "",
            "hero_caption": "",
            "tags": "",
            "body": streamfield([("paragraph", rich_text(body))]),
            **extra,
        }
    )
    if page is not None:
        data["body-0-id"] = page.body[0].id
    return data


def submit_news(client, world, title="خبر تازه"):
    """editor1 writes an article in Mehrvarzan's news, in the admin, and submits it."""
    from newsroom.models import NewsIndexPage, NewsPage

    news_index = NewsIndexPage.objects.child_of(world["mehrvarzan"].profile).get()
    client.force_login(world["editor1"])
    response = client.post(
        f"/admin/pages/add/newsroom/newspage/{news_index.pk}/",
        news_form(title, **{"action-submit": "submit"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return NewsPage.objects.get(slug="fresh-news")

"""Charity editors own their charity: editor1 of Mehrvarzan works on Mehrvarzan's pages,
images and documents, and meets nothing of Toy Story in the admin."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.models import CharityPage
from charities.services import add_editor, charity_for_page
from newsroom.factories import NewsPageFactory
from newsroom.models import NewsIndexPage
from tests.snapshots import shared_rows

Image = get_image_model()
Document = get_document_model()


def build_world(home_page):
    directory = CharityIndexPageFactory(parent=home_page)
    mehrvarzan = make_charity("مهرورزان", directory=directory)
    toy_story = make_charity("قصه اسباب بازی ها", directory=directory)
    editor1 = UserFactory(username="editor1")
    add_editor(mehrvarzan, editor1)

    def media(charity, label):
        image = Image.objects.create(
            title=f"تصویر {label}", file=get_test_image_file(), collection=charity.collection
        )
        document = Document.objects.create(
            title=f"سند {label}",
            file=ContentFile(b"%PDF-1.4 test", name=f"{label}.pdf"),
            collection=charity.collection,
        )
        return image, document

    a_image, a_document = media(mehrvarzan, "mehrvarzan")
    b_image, b_document = media(toy_story, "toystory")
    b_news = NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(toy_story.profile).get(), title="خبر قصه"
    )
    return {
        "directory": directory,
        "a": mehrvarzan.profile,
        "b": toy_story.profile,
        "b_news": b_news,
        "a_image": a_image,
        "b_image": b_image,
        "a_document": a_document,
        "b_document": b_document,
        "editor1": editor1,
    }


world_rows = shared_rows(build_world)


@pytest.fixture
def world(world_rows, db):
    return world_rows.fresh()


@pytest.fixture
def editor_client(client, world):
    client.force_login(world["editor1"])
    return client


def denied(response):
    """Wagtail answers a forbidden admin page with 403, or a redirect to the dashboard."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and "/admin/" in response["Location"]
    )


def profile_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([]),
        "social_links": inline_formset([]),
        "gallery_images": inline_formset([]),
        "year_founded": "",
        "registration_number": "",
        "registering_body": "",
        "address": "",
        "phone": "",
        "email": "",
        "website": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_new_charity_gets_its_group_collection_and_draft_news_index(world):
    charity = world["a"].charity
    assert charity.editors_group.permissions.filter(codename="access_admin").exists()
    assert charity.collection.name == "مهرورزان"
    news_index = NewsIndexPage.objects.child_of(world["a"]).get()
    assert news_index.live  # published together with the profile
    assert charity_for_page(news_index) == charity


def test_editor_sees_only_their_charity_in_the_page_explorer(editor_client, world):
    response = editor_client.get("/admin/pages/", follow=True)
    content = response.content.decode()
    assert world["a"].title in content
    assert world["b"].title not in content


def test_editor_cannot_list_the_directory_or_another_charitys_pages(editor_client, world):
    for page in (world["directory"], world["b"]):
        response = editor_client.get(f"/admin/pages/{page.pk}/")
        assert denied(response) or world["b"].title not in response.content.decode()


def test_editor_search_finds_nothing_of_another_charity(editor_client, world):
    response = editor_client.get("/admin/pages/search/", {"q": "قصه"})
    content = response.content.decode()
    assert "خبر قصه" not in content
    assert world["b"].title not in content


def test_editor_can_edit_their_charity_page(editor_client, world):
    assert editor_client.get(f"/admin/pages/{world['a'].pk}/edit/").status_code == 200


@pytest.mark.parametrize(
    "action",
    ["edit", "delete", "move", "unpublish", "copy", "history", "revisions"],
)
def test_editor_cannot_act_on_another_charitys_page(editor_client, world, action):
    response = editor_client.get(f"/admin/pages/{world['b'].pk}/{action}/")
    assert denied(response)


def test_editor_cannot_add_news_to_another_charity(editor_client, world):
    b_news_index = NewsIndexPage.objects.child_of(world["b"]).get()
    response = editor_client.get(f"/admin/pages/add/newsroom/newspage/{b_news_index.pk}/")
    assert denied(response)


def test_editor_can_add_news_to_their_own_charity(editor_client, world):
    a_news_index = NewsIndexPage.objects.child_of(world["a"]).get()
    response = editor_client.get(f"/admin/pages/add/newsroom/newspage/{a_news_index.pk}/")
    assert response.status_code == 200


def test_editor_cannot_delete_or_move_even_their_own_profile(editor_client, world):
    assert denied(editor_client.get(f"/admin/pages/{world['a'].pk}/delete/"))
    assert denied(editor_client.get(f"/admin/pages/{world['a'].pk}/move/"))


def test_editor_cannot_publish_their_changes(editor_client, client, world):
    page = world["a"]
    response = editor_client.post(
        f"/admin/pages/{page.pk}/edit/",
        profile_form(page, title="مهرورزان (تغییر)", **{"action-publish": "publish"}),
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title == "مهرورزان"  # the live title is untouched
    assert page.has_unpublished_changes
    assert page.get_latest_revision().content["title"] == "مهرورزان (تغییر)"
    public = client.get(page.url).content.decode()
    assert "(تغییر)" not in public


def test_editor_cannot_publish_another_charity_even_by_post(editor_client, world):
    page = world["b"]
    editor_client.post(
        f"/admin/pages/{page.pk}/edit/",
        profile_form(page, title="ربوده", **{"action-publish": "publish"}),
    )
    page.refresh_from_db()
    assert page.title == "قصه اسباب بازی ها"
    assert page.get_latest_revision().content["title"] != "ربوده"


def test_editor_sees_only_their_charitys_images(editor_client, world):
    content = editor_client.get("/admin/images/").content.decode()
    assert "تصویر mehrvarzan" in content
    assert "تصویر toystory" not in content
    assert denied(editor_client.get(f"/admin/images/{world['b_image'].pk}/"))
    assert denied(editor_client.get(f"/admin/images/{world['b_image'].pk}/delete/"))
    assert editor_client.get(f"/admin/images/{world['a_image'].pk}/").status_code == 200
    chooser = editor_client.get("/admin/images/chooser/").content.decode()
    assert "تصویر toystory" not in chooser


def test_editor_sees_only_their_charitys_documents(editor_client, world):
    content = editor_client.get("/admin/documents/").content.decode()
    assert "سند mehrvarzan" in content
    assert "سند toystory" not in content
    assert denied(editor_client.get(f"/admin/documents/edit/{world['b_document'].pk}/"))
    assert denied(editor_client.get(f"/admin/documents/delete/{world['b_document'].pk}/"))
    chooser = editor_client.get("/admin/documents/chooser/").content.decode()
    assert "سند toystory" not in chooser


def test_translation_of_a_profile_keeps_the_editors_rights(editor_client, world, locale_en):
    home_en = Page.objects.get(depth=2).copy_for_translation(locale_en)
    home_en.save_revision().publish()
    world["directory"].copy_for_translation(locale_en).save_revision().publish()
    translation = world["a"].copy_for_translation(locale_en)
    assert translation.charity == world["a"].charity
    assert editor_client.get(f"/admin/pages/{translation.pk}/edit/").status_code == 200
    other = world["b"].copy_for_translation(locale_en)
    assert denied(editor_client.get(f"/admin/pages/{other.pk}/edit/"))


def test_charity_profile_created_by_hand_becomes_a_member(admin_client, world):
    directory = world["directory"]
    response = admin_client.post(
        f"/admin/pages/add/charities/charitypage/{directory.pk}/",
        profile_form(CharityPage(title="انجمن تازه", slug="new-charity", summary="")),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CharityPage.objects.get(slug="new-charity")
    assert page.charity is not None
    assert page.charity.editors_group is not None
    assert NewsIndexPage.objects.child_of(page).exists()
    assert page.get_latest_revision().content["charity"] == page.charity.pk


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/reports/page-types-usage/",
        "/admin/reports/page-types-usage/results/",
    ],
)
def test_admin_reports_show_an_editor_nothing_of_another_charity(editor_client, world, url):
    world["b"].save_revision(log_action=True).publish()
    response = editor_client.get(url)
    content = response.content.decode()
    assert world["b"].title not in content
    assert "خبر قصه" not in content


def test_platform_admin_still_sees_the_page_types_report(admin_client, world):
    assert admin_client.get("/admin/reports/page-types-usage/").status_code == 200

"""Each person starts in their own corner of the admin: a charity's editor at the charity,
a working group's committee at what it reviews, in the language they work in."""

from wagtail.models import Page

from nikrah.explorer import CornerPagePermissionPolicy
from tests.moderation_world import committee


def explorer_start(user):
    return CornerPagePermissionPolicy(Page).explorable_root_instance(user)


def test_editor_starts_at_their_charity_even_with_an_english_translation(
    client, world, locale_en, home_page
):
    profile = world["mehrvarzan"].profile
    home_en = home_page.copy_for_translation(locale_en)
    home_en.save_revision().publish()
    profile.get_parent().copy_for_translation(locale_en).save_revision().publish()
    profile.copy_for_translation(locale_en)  # wagtail-localize grants editors the copy too

    assert explorer_start(world["editor1"]).specific == profile

    client.force_login(world["editor1"])
    response = client.get("/admin/pages/", follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "ریشه" not in page and "Root" not in page
    assert profile.title in page
    assert world["toys"].name not in page


def test_a_working_groups_committee_starts_at_the_working_groups(world):
    exec1 = world["exec1"]
    world["children"].save_revision().publish()  # grants the committee its group's pages
    start = explorer_start(exec1)
    assert start is not None
    assert start.specific == world["children"] or start.specific == world["children"].get_parent()
    assert start.depth > 1


def test_the_platform_admin_keeps_the_whole_tree(world, django_user_model):
    admin = django_user_model.objects.create_superuser("root-admin", "a@example.org", "x")
    assert explorer_start(admin).depth == 1


def test_culture_committee_without_pages_has_no_explorer(client, world):
    assert committee("culture").group.page_permissions.count() == 0
    assert explorer_start(world["culture1"]) is None

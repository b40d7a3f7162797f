"""Each person starts in their own corner of the admin: a charity's editor at the charity,
a working group's committee at what it reviews, in the language they work in."""

import re

from wagtail.models import Page

from nikrah.explorer import CornerPagePermissionPolicy, explorer_start
from tests.moderation_world import committee


def browsable_root(user):
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
    # What editor1 may browse starts in the Persian tree, not at the root above both.
    assert browsable_root(world["editor1"]).locale.language_code == "fa"

    client.force_login(world["editor1"])
    response = client.get("/admin/", follow=True)
    sidebar = re.search(
        r'PageExplorerMenuItem", "_args": \[\{.*?"url": "[^"]*"\}, (\d+)\]',
        response.content.decode(),
    )
    assert int(sidebar.group(1)) == profile.pk  # the sidebar's explorer opens at the charity
    response = client.get("/admin/pages/", follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "ریشه" not in page and "Root" not in page
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
    assert browsable_root(admin).depth == 1


def test_culture_committee_without_pages_has_no_explorer(client, world):
    assert committee("culture").group.page_permissions.count() == 0
    assert explorer_start(world["culture1"]) is None


def test_the_dashboard_shows_my_charitys_drafts_reviews_requests_and_what_awaits(client, world):
    from newsroom.models import Comment, NewsIndexPage, NewsPage
    from tests.moderation_world import current_task_state

    index = NewsIndexPage.objects.child_of(world["mehrvarzan"].profile).get()
    draft = index.add_child(instance=NewsPage(title="پیش‌نویس خبر", slug="draft", live=False))
    draft.save_revision(user=world["editor1"])
    waiting = index.add_child(instance=NewsPage(title="خبر در بررسی", slug="waiting", live=False))
    waiting.save_revision(user=world["editor1"])
    waiting.get_workflow().start(waiting, world["editor1"])
    returned = index.add_child(instance=NewsPage(title="خبر برگشتی", slug="returned", live=False))
    returned.save_revision(user=world["editor1"])
    returned.get_workflow().start(returned, world["editor1"])
    current_task_state(returned).reject(user=world["culture1"], comment="منبع خبر را بنویسید.")
    live = index.add_child(instance=NewsPage(title="خبر منتشرشده", slug="live"))
    Comment.objects.create(page=live, name="سارا", text="سلام")

    client.force_login(world["editor1"])
    dashboard = client.get("/admin/").content.decode()
    assert "خیریهٔ من: مهرورزان" in dashboard
    for title in ("پیش‌نویس خبر", "خبر در بررسی", "خبر برگشتی", "منبع خبر را بنویسید."):
        assert title in dashboard
    assert "دیدگاه‌های خبرهای شما در انتظار بررسی: <strong>۱</strong>" in dashboard
    assert f"/admin/pages/{world['mehrvarzan'].profile.pk}/edit/" in dashboard

    client.force_login(world["editor2"])
    other = client.get("/admin/").content.decode()
    assert "خیریهٔ من: قصه اسباب بازی ها" in other
    assert "پیش‌نویس خبر" not in other and "خبر برگشتی" not in other


def test_other_charities_work_in_a_shared_working_group_stays_out_of_sight(client, world):
    from opportunities.factories import OpportunityPageFactory

    theirs = OpportunityPageFactory(
        parent=world["children"], title="فرصت قصه اسباب بازی", charity=world["toys"]
    )
    theirs.save_revision(user=world["editor2"], log_action=True).publish(
        user=world["editor2"], skip_permission_checks=True
    )
    ours = OpportunityPageFactory(
        parent=world["children"], title="فرصت مهرورزان", charity=world["mehrvarzan"]
    )
    from charities.services import grant_editors_page

    grant_editors_page(world["mehrvarzan"], ours)
    ours.save_revision(user=world["editor1"], log_action=True).publish(
        user=world["editor1"], skip_permission_checks=True
    )

    client.force_login(world["editor1"])
    listing = client.get(f"/admin/pages/{world['children'].pk}/").content.decode()
    assert "فرصت مهرورزان" in listing
    assert "فرصت قصه اسباب بازی" not in listing
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "فرصت مهرورزان" in history
    assert "فرصت قصه اسباب بازی" not in history
    assert "کارگروه" not in history  # the working group itself: editor1 may only add there
    search = client.get("/admin/pages/search/", {"q": "فرصت"}).content.decode()
    assert "فرصت قصه اسباب بازی" not in search

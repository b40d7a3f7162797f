"""The moderation journey in the Persian admin: editor1 proposes a project, the working
group's committee (exec1) approves it, and it is live."""

import re

import pytest

from workinggroups.models import ProjectPage, WorkingGroupPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, server, username):
    page.goto(server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "nikrah-demo")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def sign_out(page, server):
    page.context.clear_cookies()


def open_footer_actions(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_editor_submits_a_project_and_the_committee_approves_it(demo_server, browser_page):
    page = browser_page.page
    children = WorkingGroupPage.objects.get(slug="children", locale__language_code="fa")

    sign_in(page, demo_server, "editor1")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.goto(f"{demo_server.url}/admin/pages/add/workinggroups/projectpage/{children.pk}/")
    page.fill("#id_title", "کارگاه نقاشی کودکان")
    page.locator("[id$='-child-goals-wrapper'] [contenteditable=true]").first.click()
    page.keyboard.type("نقاشی با کودکان مددجو در آخر هفته‌ها")
    # Draftail writes its hidden input a moment after typing; submit only once it has.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input[name=goals]')]"
        ".some((input) => input.value.includes('مددجو'))"
    )
    browser_page.screenshot("moderation-editor-fa")
    open_footer_actions(page)
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()

    project = ProjectPage.objects.get(title="کارگاه نقاشی کودکان")
    assert not project.live
    assert project.owner_charity.name == "مهرورزان"

    sign_out(page, demo_server)
    sign_in(page, demo_server, "exec1")
    queue = page.locator("#awaiting-review-section")
    assert "کارگاه نقاشی کودکان" in queue.inner_text()
    browser_page.screenshot("moderation-dashboard-fa")
    with page.expect_navigation():
        queue.get_by_role("link", name="کارگاه نقاشی کودکان").click()
    open_footer_actions(page)
    with page.expect_navigation():
        page.get_by_role("button", name="تأیید", exact=True).click()

    project.refresh_from_db()
    assert project.live
    page.goto(demo_server.url + project.url)
    assert page.locator("h1").inner_text() == "کارگاه نقاشی کودکان"
    browser_page.screenshot("moderation-live-project-fa")

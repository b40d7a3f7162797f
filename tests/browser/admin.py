"""What a person does in the Persian Wagtail admin, step by step, for the browser journeys:
sign in, find a page from the sidebar, write, submit, review. Only clicks and typing: no
action URL is ever posted by hand."""

import re

PASSWORD = "nikrah-demo"


def sign_in(page, server, username):
    page.context.clear_cookies()
    page.goto(server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def open_footer_actions(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def press_footer_action(page, name):
    """Press one of the editor's footer actions («ارسال برای بررسی», «تأیید», …)."""
    open_footer_actions(page)
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def submit_for_review(page):
    """The editor's «ارسال به …» footer action: submit to the committee review."""
    open_footer_actions(page)
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()


def type_rich_text(page, container, text, input_name):
    """Type into a Draftail editor and wait until it has written its hidden input."""
    container.locator("[contenteditable=true]").first.click()
    page.keyboard.type(text)
    page.wait_for_function(
        "([name, text]) => [...document.querySelectorAll(`input[name='${name}']`)]"
        ".some((input) => input.value.includes(text))",
        arg=[input_name, text],
    )


def add_paragraph(page, field_name, text):
    """Add a paragraph block to an empty StreamField and write ``text`` in it."""
    page.locator(f"[data-contentpath={field_name}] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="بند", exact=True).click()
    field = page.locator(f"[data-contentpath={field_name}]").first
    type_rich_text(page, field, text, f"{field_name}-0-value")


def messages_text(page):
    return " ".join(page.locator(".messages").all_inner_texts())


def open_review_queue(page):
    page.get_by_role("link", name="صف بررسی").first.click()
    page.wait_for_url(re.compile(r".*/admin/review-queue/$"))


def queue_row(page, title):
    title_link = page.get_by_role("link", name=title, exact=True)
    return page.locator("tr[data-review-row]").filter(has=title_link).first


def approve_in_queue(page, title):
    with page.expect_navigation():
        queue_row(page, title).get_by_role("button", name="تأیید", exact=True).click()


def request_changes_in_queue(page, title, comment):
    queue_row(page, title).get_by_role("button", name="درخواست اصلاح", exact=True).click()
    dialog = page.locator(".modal-dialog, [role=dialog]").last
    dialog.locator("textarea[name=comment]").fill(comment)
    with page.expect_navigation():
        dialog.locator("button[type=submit], input[type=submit]").first.click()


def pick_date(page, selector, day, months_ahead=0):
    """Open the Jalali picker of a date field, go ``months_ahead`` months on and click the
    day (its Persian digits, as the calendar shows it)."""
    page.locator(selector).click()
    picker = page.locator(".nikrah-jdp")
    for _ in range(months_ahead):
        picker.get_by_role("button", name="ماه بعد").click()
    persian_day = str(day).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    picker.get_by_role("button", name=persian_day, exact=True).click()

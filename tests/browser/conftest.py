"""A real headless Chromium (Debian's, never a downloaded one) driven by Playwright.

Every tab a test opens watches for Content-Security-Policy violations, in every page and
frame it shows; a test that met one fails, naming the directive and the address."""

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        skip_or_fail(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the
    # tests themselves are still synchronous.
    environment = pytest.MonkeyPatch()
    environment.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Starting Playwright switches the context that Django's per-context connection handler
    # reads, which would hand the tests fresh connection objects that know nothing of the
    # test database's serialized contents. Keep the connections the tests already use.
    django_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in django_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    environment.undo()


# Runs first in every document and frame: hands each violation to the test.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.nikrahCspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI || "(inline)",
        document: event.documentURI,
        source: event.sourceFile
            ? `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`
            : "",
    });
});
"""


class CspWatch:
    """Records the Content-Security-Policy violations of every page and frame of a browser
    context: the `securitypolicyviolation` events, and the console errors in which Chromium
    names the policy (a frame-ancestors violation raises no event in the framing page)."""

    def __init__(self, context):
        self.violations = []
        context.expose_function("nikrahCspViolation", self._event)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("console", self._console)

    def _event(self, violation):
        self.violations.append(
            "{directive} blocked {blocked} on {document} {source}".format(**violation).strip()
        )

    def _console(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.violations.append(f"{message.text} (on {message.page and message.page.url})")

    def check(self):
        if self.violations:
            pytest.fail(
                "Content-Security-Policy violations:\n" + "\n".join(self.violations),
                pytrace=False,
            )


class BrowserPage:
    """A browser tab that remembers console errors and takes named screenshots."""

    def __init__(self, page):
        self.page = page
        self.console_errors = []
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def screenshot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        return path

    def fonts_used_by(self, selector):
        """The fonts Chromium really rendered the element's text with (not the CSS wish list)."""
        cdp = self.page.context.new_cdp_session(self.page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        cdp.detach()
        return fonts


@pytest.fixture
def demo_server(live_server, demo):
    """The live server, serving the demo content."""
    return live_server


@pytest.fixture
def new_browser_context(browser):
    """Opens browser contexts (each its own cookies: another person) that fail the test if
    any of their pages violates the Content-Security-Policy."""
    watched = []

    def new_context():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        watched.append((context, CspWatch(context)))
        return context

    yield new_context
    for context, _ in watched:
        context.close()
    for _, watch in watched:
        watch.check()


@pytest.fixture
def browser_page(new_browser_context):
    return BrowserPage(new_browser_context().new_page())

"""Finding 6 of the security review: no Content-Security-Policy, in development or
production. Every page of the demo, public or admin, now sends one, and its HTML runs no
inline script the policy would refuse: each executable inline <script> carries the
response's nonce, and no element has an event-handler attribute, a style attribute or a
javascript: address. (The browser tests fail on any violation Chromium reports.)"""

import html
import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from django.contrib.auth import get_user_model
from django.views.defaults import server_error
from wagtail.models import Page, Workflow

from charities.models import CharityPage
from opportunities.models import OpportunityPage

# The types under which a browser runs a <script>'s text; any other (application/json,
# application/ld+json) is data.
JAVASCRIPT_TYPES = re.compile(
    r"^(|module|(text|application)/(x-)?(java|ecma)script|text/javascript1\.[0-5]|text/jscript"
    r"|text/livescript)$"
)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
# Not pages to read: files, feeds, machine-readable documents, admin and sign-out.
NOT_PAGES = re.compile(
    r"^/(admin|static|media|documents|i18n|sitemap\.xml|\.well-known|credentials)/"
    r"|/(feed|pdf|credential|logout|calendar)/|\.(pdf|xml|json|ics)$"
)


def policy_of(response):
    """The Content-Security-Policy header, as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"{response.request['PATH_INFO']} sends no Content-Security-Policy"
    policy = {}
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *sources = directive.split()
        policy[name.lower()] = sources
    return policy


class InlineCode(HTMLParser):
    """What in a page would run or style inline: scripts without the nonce, event-handler
    and style attributes, javascript: addresses."""

    def __init__(self, nonce):
        super().__init__()
        self.nonce = nonce
        self.problems = []
        self.signed_scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style":
                self.problems.append(f'<{tag} style="{value}">')
            if name in URL_ATTRIBUTES and re.sub(r"\s", "", value or "").lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and "src" not in attributes:
            kind = (attributes.get("type") or "").strip().lower()
            if JAVASCRIPT_TYPES.match(kind):
                if self.nonce and attributes.get("nonce") == self.nonce:
                    self.signed_scripts += 1
                else:
                    self.problems.append(f"inline <script> without the response's nonce: {attrs}")
        if tag == "style" and not (self.nonce and attributes.get("nonce") == self.nonce):
            self.problems.append("<style> element")


def audit(response):
    """Checks the policy ``response`` sends and the page it carries; returns the policy and
    the number of inline scripts that carry its nonce."""
    path = response.request["PATH_INFO"]
    policy = policy_of(response)
    assert policy["default-src"] == ["'self'"], path
    assert policy["object-src"] == ["'none'"], path
    for directive in ("base-uri", "form-action", "frame-ancestors", "style-src"):
        assert policy[directive] == ["'self'"], (path, directive)
    assert "'self'" in policy["script-src"], path
    nonces = [source for source in policy["script-src"] if source.startswith("'nonce-")]
    assert set(policy["script-src"]) - set(nonces) == {"'self'"}, (path, policy["script-src"])
    for directive, sources in policy.items():
        assert "'unsafe-eval'" not in sources, (path, directive)
    nonce = nonces[0].removeprefix("'nonce-").removesuffix("'") if nonces else ""
    page = InlineCode(nonce)
    page.feed(response.content.decode())
    assert page.problems == [], path
    return policy, page.signed_scripts


def assert_public_policy(response):
    """The public site's policy: nothing inline but signed scripts, images from the site."""
    policy, _ = audit(response)
    path = response.request["PATH_INFO"]
    assert policy["img-src"] == ["'self'"], path
    assert "style-src-elem" not in policy, path
    assert not any("'unsafe-inline'" in sources for sources in policy.values()), path


def shape(address):
    """/news/?page=2 and /news/?page=3, or /certificates/12/ and /certificates/57/, are one
    page to read."""
    keys = sorted(key for key, _ in parse_qsl(address.query, keep_blank_values=True))
    return re.sub(r"\d+", "N", address.path), tuple(keys)


def crawl(client, starts, within=("/",)):
    """Reads each page reachable from ``starts`` through links under ``within`` once;
    yields the HTML responses."""
    queue, seen = list(starts), set()
    while queue:
        address = urlsplit(html.unescape(queue.pop(0)))
        if shape(address) in seen or NOT_PAGES.search(address.path):
            continue
        if not address.path.startswith(within):
            continue
        seen.add(shape(address))
        response = client.get(address.geturl())
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        yield response
        links = re.findall(r'href="(/[^/"#][^"#]*|/)"', response.content.decode())
        queue.extend(links)


def test_every_public_page_of_the_demo_sends_the_policy_and_no_inline_code(demo, client):
    read = [assert_public_policy(response) for response in crawl(client, ["/", "/en/"])]
    assert len(read) > 50


def test_a_volunteers_own_pages_send_the_policy_and_no_inline_code(demo, client):
    client.force_login(get_user_model().objects.get(username="volunteer1"))
    opportunity = OpportunityPage.objects.live().filter(locale__language_code="fa").first()
    starts = [
        "/volunteer/profile/",
        "/account/email/",
        opportunity.url + opportunity.reverse_subpage("apply"),
    ]
    read = [
        assert_public_policy(response)
        for response in crawl(client, starts, within=("/volunteer/", "/account/", opportunity.url))
    ]
    assert len(read) > 5


def test_admin_screens_sign_wagtails_inline_scripts_with_the_nonce(demo, client):
    """Wagtail starts its date pickers, choosers and inline panels from inline scripts: on
    the page explorer, a charity's editor, the task and page choosers of workflows and sites,
    and wagtail-localize's «Translate» screen, each carries the response's nonce."""
    client.force_login(get_user_model().objects.get(username="admin"))
    charity = CharityPage.objects.filter(locale__language_code="fa").first()
    home = Page.objects.get(depth=2, locale__language_code="fa")
    screens = {
        "/admin/": False,
        f"/admin/pages/{home.pk}/": True,
        f"/admin/pages/{charity.pk}/edit/": True,
        f"/admin/pages/add/charities/charitypage/{charity.get_parent().pk}/": True,
        f"/admin/workflows/edit/{Workflow.objects.first().pk}/": True,
        "/admin/users/": True,
        f"/admin/localize/submit/page/{charity.pk}/": False,
        # An editor on the public site, with Wagtail's user bar.
        "/": False,
    }
    for path, signs_scripts in screens.items():
        response = client.get(path)
        assert response.status_code == 200, path
        policy, signed = audit(response)
        assert bool(signed) == signs_scripts, path
        if path.startswith("/admin/"):
            assert policy["img-src"] == ["'self'", "data:", "blob:"], path
            assert policy["style-src-elem"] == ["'self'", "'unsafe-inline'"], path


def test_the_server_error_page_has_no_inline_style(rf):
    page = InlineCode(nonce="")
    page.feed(server_error(rf.get("/")).content.decode())
    assert page.problems == []

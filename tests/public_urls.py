"""Every address of the site, found from the URL configuration and the page tree rather
than listed by hand (a new view, page type or route is covered the day it is added), and
the query parameters each one reads, recorded while it answers.

An address here is a ``Target``: a path as a browser sends it, the URL pattern or page
route it exercises, and who asks (a visitor, or a signed-in volunteer for the pages that
send visitors to sign in). ``discover()`` requests each once and returns a ``PublicSite``.
"""

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import product
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.test import Client, override_settings
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from experience.models import Certificate
from nikrah.url_values import NoNullCharactersMiddleware
from opportunities.models import Application, VolunteerProfile

VOLUNTEER = "volunteer1"  # the demo's volunteer, for the pages behind sign-in
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGE_VIEW = "wagtail.views.serve"  # Wagtail's catch-all: its addresses come from the page tree

# The regex parser Python's ``re`` compiles with (what ``sre_parse`` was before 3.11).
_parser = re._parser
_constants = re._constants


@dataclass(frozen=True, order=True)
class Target:
    path: str
    pattern: str  # the URL pattern's full regex, or «PageType:route» for a page's route
    view: str  # the view's dotted path (Wagtail's ``serve`` for a page)
    actor: str = "visitor"


# --- The URL configuration --------------------------------------------------------------


def _piece(pattern):
    """A pattern's regex without its anchors, so that nested patterns join into one."""
    regex = pattern.regex.pattern
    regex = regex.removeprefix("^")
    for end in ("\\Z", "$"):
        regex = regex.removesuffix(end)
    return regex


def url_patterns():
    """{full regex of the path: view} for every view of the URL configuration, in every
    language (the English prefix makes its own regexes)."""
    found = {}

    def walk(patterns, prefix):
        for pattern in patterns:
            regex = prefix + _piece(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, regex)
            else:
                found.setdefault(regex, pattern.lookup_str)

    for language in LANGUAGES:
        with translation.override(language):
            walk(get_resolver().url_patterns, "")
    return found


# --- Examples of a regex ----------------------------------------------------------------


def _class_example(items):
    """One character the class ``[…]`` accepts."""
    negate = items and items[0][0] is _constants.NEGATE
    members = items[1:] if negate else items
    for candidate in "x0a-_.":
        inside = False
        for op, av in members:
            if op is _constants.LITERAL:
                inside |= ord(candidate) == av
            elif op is _constants.RANGE:
                inside |= av[0] <= ord(candidate) <= av[1]
            elif op is _constants.CATEGORY:
                inside |= bool(re.fullmatch(_CATEGORIES.get(av, "(?!)"), candidate))
        if inside != bool(negate):
            return candidate
    raise ValueError(f"no example for the character class {items!r}")


_CATEGORIES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_NOT_DIGIT: r"\D",
    _constants.CATEGORY_WORD: r"\w",
    _constants.CATEGORY_NOT_WORD: r"\W",
    _constants.CATEGORY_SPACE: r"\s",
    _constants.CATEGORY_NOT_SPACE: r"\S",
}


def regex_examples(regex, values=None, limit=12):
    """Paths the regex accepts: every branch of an alternation, the shortest repetition,
    and for a named group each of ``values[name]`` when given (real codes, ids)."""
    values = values or {}
    parsed = _parser.parse(regex)
    names = {number: name for name, number in parsed.state.groupdict.items()}

    def sequence(items):
        options = [""]
        for op, av in items:
            options = [a + b for a, b in product(options, item(op, av))][:limit]
        return options

    def item(op, av):
        if op is _constants.LITERAL:
            return [chr(av)]
        if op is _constants.NOT_LITERAL:
            return ["x" if av != ord("x") else "y"]
        if op is _constants.ANY:
            return ["x"]
        if op is _constants.IN:
            return [_class_example(av)]
        if op is _constants.BRANCH:
            return [option for branch in av[1] for option in sequence(branch)]
        if op is _constants.SUBPATTERN:
            group, _add, _del, items = av
            if names.get(group) in values:
                return list(values[names[group]])
            return sequence(items)
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            low, _high, items = av
            return ["".join(parts) for parts in product(sequence(items), repeat=low)]
        if op is _constants.AT:
            return [""]
        raise ValueError(f"no example for {op} in {regex!r}")

    examples = sequence(parsed)
    return [e for e in dict.fromkeys(examples) if re.fullmatch(regex, e)][:limit]


def as_path(text):
    """The path a browser sends for ``text``."""
    return "/" + quote(text.encode("utf-8", "surrogatepass"), safe="/")


# --- What the site serves ---------------------------------------------------------------


def page_targets():
    """Every live, public page in every language, and every route of a routable page."""
    targets = []
    pages = Page.objects.live().public().specific().exclude(depth=1).order_by("path")
    for page in pages:
        url = page.get_url()
        kind = type(page).__name__
        if isinstance(page, RoutablePageMixin):
            for route in page.get_resolver().url_patterns:
                for sub in regex_examples(_piece(route.pattern)):
                    path = url + quote(sub, safe="/")
                    targets.append(Target(path, f"{kind}:{route.name}", PAGE_VIEW))
        else:
            targets.append(Target(url, kind, PAGE_VIEW))
    return targets


def pattern_targets(values):
    """Addresses for every other view, with real values (codes, ids) where the demo has
    them and an example of the pattern's own regex otherwise."""
    targets = []
    for regex, view in url_patterns().items():
        if view == PAGE_VIEW:
            continue
        for example in regex_examples(regex, values):
            targets.append(Target(as_path(example), regex, view))
    return targets


# --- Which parameters a view reads ------------------------------------------------------


class RecordedQueryDict(QueryDict):
    """A query string that remembers which parameters were asked for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)


class RecordReadsMiddleware:
    """Hands the views a ``RecordedQueryDict``; ``parameters_read(response)`` tells what
    they asked for (a template's ``request.GET.urlencode`` is a method, not a parameter)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        recorded = RecordedQueryDict(mutable=True)
        for key, values in request.GET.lists():
            recorded.setlist(key, values)
        recorded._mutable = False
        request.GET = recorded
        return self.get_response(request)


def recording_middleware(middleware):
    """``middleware`` with the recorder right after the NUL filter."""
    filter_path = f"{NoNullCharactersMiddleware.__module__}.{NoNullCharactersMiddleware.__name__}"
    position = middleware.index(filter_path) + 1
    recorder = f"{__name__}.{RecordReadsMiddleware.__name__}"
    return [*middleware[:position], recorder, *middleware[position:]]


def parameters_read(response):
    read = getattr(response.wsgi_request.GET, "read", set())
    return {key for key in read if not hasattr(QueryDict, key)}


# --- Values the site itself offers in its forms -----------------------------------------


class FormValues(HTMLParser):
    """{name: values} of the fields and options of a page's forms: what a visitor picks."""

    def __init__(self):
        super().__init__()
        self.values = {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select and attrs.get("value"):
            self.values.setdefault(self._select, set()).add(attrs["value"])
        elif tag == "input" and attrs.get("name") and attrs.get("value"):
            self.values.setdefault(attrs["name"], set()).add(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form_values(response):
    if "html" not in response.get("Content-Type", ""):
        return {}
    parser = FormValues()
    parser.feed(response.content.decode(errors="replace"))
    return parser.values


# --- Which parameters the code reads ----------------------------------------------------

_READ = re.compile(
    r"""GET(?:\.get|\.getlist|\.pop)?(?:\(|\[)\s*["']([^"']+)["']"""  # request.GET.get("x")
    r"""|request\.GET\.(?!(?:get|getlist|pop)\()(\w+)"""  # {{ request.GET.x }} in a template
)
_ALIAS = re.compile(r"(\w+)\s*=\s*request\.GET\s*$", re.MULTILINE)


def parameters_in_source(files):
    """{parameter: file} for every literal parameter name the code reads from the query
    string, directly or through a local name for ``request.GET``."""
    found = {}
    for file in files:
        text = file.read_text(encoding="utf-8")
        names = {m for groups in _READ.findall(text) for m in groups if m}
        for alias in _ALIAS.findall(text):
            names |= set(re.findall(rf"""\b{alias}\.get(?:list)?\(\s*["']([^"']+)""", text))
        for name in names - {n for n in names if hasattr(QueryDict, n)}:
            found.setdefault(name, str(file))
    return found


# --- The site, requested once per test process --------------------------------------------


@dataclass
class PublicSite:
    targets: list  # every Target, sorted
    reads: dict  # Target -> the parameters its view read
    baseline: dict  # Target -> its status without a query string
    values: dict  # parameter name -> values the site's own forms and links offer
    patterns: dict  # full regex -> view, from the URL configuration

    @functools.cached_property
    def groups(self):
        """Targets by what they exercise, a pattern or a page's route for one kind of
        visitor: fifty opportunity pages are one group, and so are the views that only send
        a visitor to sign in."""
        groups = {}
        for target in self.targets:
            key = (target.pattern, target.actor)
            if self.baseline[target] == 302 and not self.reads[target]:
                key = ("redirect", target.actor)
            groups.setdefault(key, []).append(target)
        return groups

    def parameters_of(self, group):
        return set().union(*(self.reads[target] for target in self.groups[group]))

    @functools.cached_property
    def readers(self):
        """One address for each view and the parameters it reads, among those that read
        any: the fa and en addresses of a view count once, and so do the pages of one type
        at one depth (the network's newsroom and a charity's news are both seen)."""
        found = {}
        for target in self.targets:
            if parameters := self.reads[target]:
                if target.view == PAGE_VIEW:
                    view = (target.pattern, target.path.removeprefix("/en").count("/"))
                else:
                    view = target.view
                found.setdefault((view, target.actor, frozenset(parameters)), target)
        return sorted(found.values())


def real_values():
    """Values for the URL patterns' named parts that lead to something in the demo."""
    volunteer = get_user_model().objects.get(username=VOLUNTEER)
    codes = list(Certificate.objects.order_by("pk").values_list("code", flat=True))
    codes += VolunteerProfile.objects.order_by("pk").values_list("resume_code", flat=True)
    applications = Application.objects.order_by("pk").values_list("pk", flat=True)
    own = list(applications.filter(volunteer=volunteer)[:2])
    others = list(applications.exclude(volunteer=volunteer)[:1])
    return {
        "code": codes,
        "pk": [str(pk) for pk in own + others],
        "page_id": [str(Page.objects.filter(depth=2).order_by("pk").first().pk)],
    }


def redirects_to_sign_in(response):
    if response.status_code != 302:
        return False
    try:
        return resolve(urlsplit(response["Location"]).path).url_name == "account_login"
    except Resolver404:
        return False


def signed_in_client():
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=VOLUNTEER))
    return client


@functools.cache
def discover():
    """Request every address once, without a query string, recording what each reads; a
    page that sends visitors to sign in is requested again by the signed-in volunteer.
    Kept for the test process: the demo is the same in every test that asks for it."""
    patterns = url_patterns()
    targets = page_targets() + pattern_targets(real_values())
    clients = {"visitor": Client(raise_request_exception=False), "volunteer": signed_in_client()}
    reads, baseline, values, answers = {}, {}, {}, {}
    with override_settings(MIDDLEWARE=recording_middleware(settings.MIDDLEWARE)):
        queue = list(targets)
        while queue:
            target = queue.pop(0)
            # A page's route and the one it overrides share an address: one request.
            key = (target.path, target.actor)
            if key not in answers:
                answers[key] = clients[target.actor].get(target.path)
                for name, offered in form_values(answers[key]).items():
                    values.setdefault(name, set()).update(offered)
            response = answers[key]
            reads[target] = parameters_read(response)
            baseline[target] = response.status_code
            if target.actor == "visitor" and redirects_to_sign_in(response):
                signed_in = Target(target.path, target.pattern, target.view, "volunteer")
                targets.append(signed_in)
                queue.append(signed_in)
    values = {name: sorted(offered) for name, offered in values.items()}
    return PublicSite(sorted(targets), reads, baseline, values, patterns)

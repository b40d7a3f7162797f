"""Fixtures every test may use, and the rule that in CI nothing that needs PostgreSQL or a
browser may be skipped: it must run."""

import os

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import translation
from hypothesis import HealthCheck, settings
from wagtail.models import Locale, Site

from tests.moderation_world import build_world
from tests.snapshots import shared_rows

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Property-based tests (hypothesis) share the demo of a function-scoped fixture across their
# examples (they only read) and take a request per example, so no deadline. In CI the
# examples are the same on every run; HYPOTHESIS_PROFILE=thorough tries many more.
settings.register_profile(
    "nikrah",
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "ci", parent=settings.get_profile("nikrah"), derandomize=True, database=None
)
settings.register_profile("thorough", parent=settings.get_profile("nikrah"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "nikrah"))


def skip_or_fail(reason):
    """Skip locally with a reason; in CI the same condition fails the run."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this test must run, not skip)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _needs_postgres(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL=postgres://…")


@pytest.fixture(autouse=True)
def _default_language():
    """A request under /en/ leaves English active in the thread; the next test starts in
    the site's default language, as a new request would."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and other cached state must not carry over from one test to the next."""
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, and a copy of the rows migrations wrote (see tests.snapshots)."""
    from tests.snapshots import migrated_snapshot

    with django_db_blocker.unblock():
        migrated_snapshot()


@pytest.fixture(autouse=True)
def _shared_rows_first(request):
    """Rows built once (the demo, and each fixture ``x`` made from ``x_rows``, see
    ``tests.snapshots.shared_rows``) replace every row when they are copied in, so they are
    copied in before any other fixture of the test writes its own."""
    for name in request.fixturenames:
        if name == "demo" or f"{name}_rows" in request.fixturenames:
            request.getfixturevalue(name)


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker):
    from tests.snapshots import demo_snapshot

    with django_db_blocker.unblock():
        return demo_snapshot()


@pytest.fixture
def demo(_demo_snapshot, db):
    """The Persian demo content, as `manage.py load_demo` writes it (see tests.snapshots)."""
    _demo_snapshot.restore()


@pytest.fixture
def site(db):
    return Site.objects.select_related("root_page").get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


world_rows = shared_rows(build_world)


@pytest.fixture
def world(world_rows, db):
    """Mehrvarzan and Toy Story with their editors, the children working group, and one
    member of each network committee (see ``tests.moderation_world``)."""
    return world_rows.fresh()

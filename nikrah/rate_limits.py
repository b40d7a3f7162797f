"""How often one visitor may use public forms that are not sign-ins: send membership
requests, and look up certificate codes that do not exist. Sign-ins themselves are throttled
by django-axes (nikrah.throttling).

The counting is django-allauth's rate limiter, the one behind its own limits on sign-in codes
and password resets: counts kept in Django's cache (``CACHE_URL``), visitors told apart by
nikrah.client_address (through the account adapter's ``get_client_ip``), rates written as
allauth writes them ("5/h/ip,3/h/key") in ``NIKRAH_RATE_LIMITS``. Its internal module is
used because the public one counts no GET requests and reads only allauth's own rates.
"""

import logging

from allauth.core.internal import ratelimit
from django.conf import settings

from nikrah.client_address import client_address

# One logger for everything that holds people back (README: sign-in throttling).
logger = logging.getLogger("nikrah.throttling")


def _consume(request, action, key, dry_run):
    return ratelimit.consume(
        request,
        app="nikrah",
        action=action,
        config=settings.NIKRAH_RATE_LIMITS,
        key=key,
        dry_run=dry_run,
        limit_get=True,
    )


def _held_back(request, action, key):
    logger.warning(
        "Rate limit %r reached from %s%s",
        action,
        client_address(request) or "an unknown address",
        f" for {key}" if key else "",
    )


def consume(request, action, key=None):
    """Count one use of ``action`` by this visitor (and ``key``, such as an e-mail address,
    for rates per key); False, and a line in the log, when a limit is already reached."""
    if _consume(request, action, key, dry_run=False):
        return True
    _held_back(request, action, key)
    return False


def reached(request, action, key=None):
    """Whether this visitor has reached a limit of ``action`` (then a line in the log),
    counting nothing."""
    if _consume(request, action, key, dry_run=True):
        return False
    _held_back(request, action, key)
    return True


def wait_minutes(action):
    """At most how long a visitor who reached a limit of ``action`` has to wait."""
    rates = ratelimit.get_rates(app="nikrah", action=action, config=settings.NIKRAH_RATE_LIMITS)
    return max(int(rate.duration // 60) for rate in rates)

"""Where a request comes from, for rate limits and sign-in throttling.

Directly on the internet, the address is the connection's own (``REMOTE_ADDR``). Behind
``TRUSTED_PROXIES`` reverse proxies (a load balancer, Varnish, nginx), each proxy appends the
address it saw to ``X-Forwarded-For``; the visitor's address is the one the outermost trusted
proxy wrote, counted from the right. Whatever a client wrote further left is its own claim
and is never believed, so nobody can choose the address they are counted under.
"""

import ipaddress

from django.conf import settings


def _valid(address):
    address = address.strip()
    if address.startswith("[") and address.endswith("]"):
        address = address[1:-1]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_address(request):
    """The client's IP address as a string, or "" when none can be told."""
    own = _valid(request.META.get("REMOTE_ADDR", "")) or ""
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    if proxies <= 0:
        return own
    forwarded = request.headers.get("X-Forwarded-For", "").split(",")
    if len(forwarded) < proxies or not forwarded[0].strip():
        # Fewer entries than proxies: the request did not come through all of them.
        return own
    return _valid(forwarded[-proxies]) or own

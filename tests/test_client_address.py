"""Finding 3 of the security review: behind a reverse proxy every visitor shared one address,
and a header anyone can write must never choose the address a visitor is counted under."""

import pytest
from django.test import RequestFactory

from nikrah.client_address import client_address


def request(remote="203.0.113.9", forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_proxies_the_connection_address_counts_and_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(request(forwarded="198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        # One proxy appended the visitor's address; what the visitor wrote before it is ignored.
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        # Two proxies: the outer one wrote the visitor's address, the inner one the outer's.
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (1, "[2001:db8::1]", "2001:db8::1"),
        # Fewer entries than proxies, or nonsense: the connection's own address.
        (2, "198.51.100.7", "203.0.113.9"),
        (1, "", "203.0.113.9"),
        (1, "not-an-address", "203.0.113.9"),
        (1, "²²²", "203.0.113.9"),
    ],
)
def test_behind_trusted_proxies_the_outermost_proxys_view_counts(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXIES = proxies
    assert client_address(request(forwarded=forwarded)) == expected


def test_visitors_behind_a_proxy_are_counted_apart(settings):
    settings.TRUSTED_PROXIES = 1
    first = client_address(request(remote="10.0.0.1", forwarded="198.51.100.1"))
    second = client_address(request(remote="10.0.0.1", forwarded="198.51.100.2"))
    assert first != second

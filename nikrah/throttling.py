"""Sign-in throttling: after too many wrong passwords, signing in pauses for a while.

django-axes counts failed sign-ins in the database, so that every web process sees the same
counts, whichever way in was used: the Wagtail admin's sign-in, the volunteers' (django-allauth)
and allauth's re-authentication. Its settings (``AXES_*`` in nikrah.settings.base) point here
for what Nikrah decides:

- which account a sign-in is for: the admin's form takes a username and the volunteers' an
  e-mail address, and both can name the same person;
- where it comes from: ``nikrah.client_address``, an IPv6 /64 network counted as one address;
- two limits within ``AXES_COOLOFF_TIME`` of the latest failure: ``AXES_FAILURE_LIMIT``
  failures on one account from anywhere, ``NIKRAH_SIGN_IN_ADDRESS_LIMIT`` from one address on
  any accounts (higher: a whole office or mobile network may share an address);
- what the person is told, in their language, on the page they signed in on, with status 429.

Every failure and every pause is logged by axes (logger ``axes``) with the account and the
address, and wrong sign-in codes and requests held back by other limits here (logger
``nikrah.throttling``); platform admins see and lift pauses under Settings
(nikrah.failed_sign_ins). django-allauth's own limits answer with ``too_many_requests``.
"""

import ipaddress
import logging

from allauth.account.signals import login_code_rejected
from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, Sum
from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy, ngettext

from nikrah.client_address import client_address
from nikrah.persian import localize_digits

logger = logging.getLogger(__name__)

# A household or a server gets a whole /64 of IPv6 addresses and can change address within it
# at will: the network counts as one address (as in allauth's rate limits).
IPV6_NETWORK_PREFIX = 64
USERNAME_LENGTH = AccessAttempt._meta.get_field("username").max_length

TOO_MANY_REQUESTS = gettext_lazy(
    "You have done this too many times in a short while. To keep the site safe, please wait "
    "a few minutes and try again."
)


def sign_in_address(request):
    """The address failed sign-ins are counted under (``AXES_CLIENT_IP_CALLABLE``), or ""
    when none can be told."""
    address = client_address(request)
    if not address:
        return ""
    ip = ipaddress.ip_address(address)
    if ip.version == 4:
        return address
    if ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    return str(ipaddress.IPv6Network((ip, IPV6_NETWORK_PREFIX), strict=False).network_address)


def account_name(request, credentials=None):
    """The account a sign-in is for (``AXES_USERNAME_CALLABLE``): the username of the account
    whose username or e-mail address was typed, so that switching between the admin's and the
    volunteers' sign-in gains an attacker no guesses; what was typed, in lower case, when no
    account has it."""
    credentials = credentials or {}
    typed = str(credentials.get("username") or credentials.get("email") or "").strip()
    if not typed:
        return None
    users = get_user_model().objects
    username = users.filter(username__iexact=typed).values_list("username", flat=True).first()
    if username is None and "@" in typed:
        username = (
            users.filter(Q(email__iexact=typed) | Q(emailaddress__email__iexact=typed))
            .values_list("username", flat=True)
            .first()
        )
    return (username or typed.casefold())[:USERNAME_LENGTH]


def describe_attempt(username, ip_address, user_agent, path_info, request):
    """How axes' log lines name a sign-in (``AXES_CLIENT_STR_CALLABLE``)."""
    return f'account "{username}" from {ip_address or "an unknown address"} at {path_info}'


def _total_failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class SignInAttempts(AxesDatabaseHandler):
    """axes' database handler (``AXES_HANDLER``) with a limit per account and a higher one per
    address, and a successful sign-in that forgets only the failures the same account had
    from the same address: forgetting more would let an attacker wipe their address's count
    by signing in to an account of their own between guesses."""

    def get_failures(self, request, credentials=None):
        """How far a sign-in is towards a pause, in units of ``AXES_FAILURE_LIMIT`` (which axes
        compares it with): the account's recent failures, or the address's scaled so that they
        reach it when they reach the address's own limit, whichever is further."""
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        account = get_client_username(request, credentials)
        address = request.axes_ip_address
        on_account = _total_failures(recent.filter(username=account)) if account else 0
        from_address = _total_failures(recent.filter(ip_address=address)) if address else 0
        return max(
            on_account,
            from_address * settings.AXES_FAILURE_LIMIT // settings.NIKRAH_SIGN_IN_ADDRESS_LIMIT,
        )

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        if request.axes_ip_address:
            AccessAttempt.objects.filter(
                username=user.get_username(), ip_address=request.axes_ip_address
            ).delete()


def lockout_message():
    """What a person whose sign-in is paused is told, in the active language."""
    minutes = int(get_cool_off().total_seconds() // 60)
    return ngettext(
        "There have been too many unsuccessful attempts to sign in to this account or from "
        "your address. To keep accounts safe, signing in is paused: please try again in "
        "%(minutes)s minute.",
        "There have been too many unsuccessful attempts to sign in to this account or from "
        "your address. To keep accounts safe, signing in is paused: please try again in "
        "%(minutes)s minutes.",
        minutes,
    ) % {"minutes": localize_digits(minutes, get_language())}


def lockout_response(request, original_response=None, credentials=None):
    """The answer to a paused sign-in (``AXES_LOCKOUT_CALLABLE``): the sign-in page itself,
    whose form already gives ``lockout_message`` (nikrah.admin_sign_in, the volunteers'
    account adapter), with status 429; any other way in gets the site's 429 page saying it."""
    if original_response is not None and original_response.status_code == 200:
        original_response.status_code = 429
        return original_response
    return render(request, "429.html", {"message": lockout_message()}, status=429)


def too_many_requests(request):
    """django-allauth's answer when one of its rate limits is reached (password reset,
    sign-up, confirmation e-mails): the site's 429 page, and a line in the log."""
    logger.warning("Too many requests to %s from %s", request.path, client_address(request))
    return render(request, "429.html", {"message": TOO_MANY_REQUESTS}, status=429)


def log_rejected_code(sender, request, user, last_attempt, **kwargs):
    """A wrong sign-in code is a failed sign-in too; allauth voids the code after a few."""
    logger.warning(
        'Wrong sign-in code for account "%s" from %s%s',
        user.get_username(),
        client_address(request) or "an unknown address",
        " (code voided)" if last_attempt else "",
    )


def connect():
    login_code_rejected.connect(log_rejected_code, dispatch_uid="nikrah_log_rejected_code")

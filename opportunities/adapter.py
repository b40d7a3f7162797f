"""How django-allauth's sign-up and sign-in lead volunteers into Nikrah."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nikrah import throttling
from nikrah.client_address import client_address
from nikrah.mail import TaskQueueConnection
from opportunities.models import VolunteerProfile


class VolunteerAccountAdapter(DefaultAccountAdapter):
    """Account e-mails are queued as background tasks. After signing up or in, a
    volunteer without a profile is asked to write one; others go to their profile. A safe
    ``next`` URL, when given, still wins: allauth consults it before asking the adapter."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Too many sign-in codes asked for, or wrong ones typed (wrong passwords are
        # django-axes' to count, with its own message).
        "too_many_login_attempts": _(
            "There have been too many attempts to sign in to this account or from your "
            "address. Please wait a few minutes and try again."
        ),
    }

    def render_mail(self, template_prefix, email, context, headers=None):
        """Account e-mails (confirmation, sign-in codes, password reset) go through the task
        queue like the site's own: a mail server that is down neither fails the sign-up nor
        loses the message."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        message.connection = TaskQueueConnection()
        return message

    def get_client_ip(self, request):
        """allauth's rate limits count visitors by the same address as the rest of the site."""
        return client_address(request) or super().get_client_ip(request)

    def authenticate(self, request, **credentials):
        """A sign-in that django-axes refused because too many have failed is told why (and
        answered with status 429, see nikrah.throttling), not that the password was wrong."""
        user = super().authenticate(request, **credentials)
        if getattr(request, "axes_locked_out", False):
            raise ValidationError(throttling.lockout_message(), code="sign_in_paused")
        return user

    def get_signup_redirect_url(self, request):
        return self._volunteer_landing_url(request)

    def get_login_redirect_url(self, request):
        return self._volunteer_landing_url(request)

    def _volunteer_landing_url(self, request):
        if VolunteerProfile.objects.filter(user_id=request.user.pk).exists():
            return reverse("volunteer_profile")
        return reverse("volunteer_profile_edit")

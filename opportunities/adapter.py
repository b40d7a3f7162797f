"""How django-allauth's sign-up and sign-in lead volunteers into Nikrah."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from nikrah.client_address import client_address
from nikrah.mail import TaskQueueConnection
from opportunities.models import VolunteerProfile


class VolunteerAccountAdapter(DefaultAccountAdapter):
    """Account e-mails are queued as background tasks. After signing up or in, a
    volunteer without a profile is asked to write one; others go to their profile. A safe
    ``next`` URL, when given, still wins: allauth consults it before asking the adapter."""

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

    def get_signup_redirect_url(self, request):
        return self._volunteer_landing_url(request)

    def get_login_redirect_url(self, request):
        return self._volunteer_landing_url(request)

    def _volunteer_landing_url(self, request):
        if VolunteerProfile.objects.filter(user_id=request.user.pk).exists():
            return reverse("volunteer_profile")
        return reverse("volunteer_profile_edit")

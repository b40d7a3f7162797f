"""The Wagtail admin's own ways in, throttled like the volunteers': its sign-in form says when
django-axes has paused signing in (nikrah.throttling), and its password reset counts against
the same limits as the public one (django-allauth's ``reset_password``: per address and per
e-mail address)."""

import logging

from allauth.core import ratelimit
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import PasswordResetView

from nikrah import throttling
from nikrah.client_address import client_address

# One logger for everything that holds people back (README: sign-in throttling).
logger = logging.getLogger("nikrah.throttling")


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form (``WAGTAILADMIN_USER_LOGIN_FORM``); a sign-in that axes refused
    is told why, not that the password was wrong (axes answers it with status 429)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's field has no label of its own, so it read «Password» in every language.
        self.fields["password"].label = _("Password")

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise ValidationError(throttling.lockout_message(), code="sign_in_paused") from None
            raise


class AdminPasswordResetView(PasswordResetView):
    """Wagtail's «forgotten password» form, which otherwise sends as many e-mails as it is
    asked for."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].lower()
        if ratelimit.consume(self.request, action="reset_password", key=email):
            return super().form_valid(form)
        logger.warning(
            "Too many admin password resets for %s from %s", email, client_address(self.request)
        )
        form.add_error(None, throttling.TOO_MANY_REQUESTS)
        response = self.form_invalid(form)
        response.status_code = 429
        return response

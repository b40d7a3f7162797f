from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NikrahConfig(AppConfig):
    """Site-wide pieces: base templates' helpers, Persian dates and digits, demo content."""

    name = "nikrah"
    verbose_name = _("Nikrah")

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from nikrah import translations
        from nikrah.widgets import JalaliDateInput, JalaliDateTimeInput

        translations.connect()
        # Every date in the admin is typed and picked in the editor's calendar.
        register_form_field_override(models.DateField, override={"widget": JalaliDateInput})
        register_form_field_override(models.DateTimeField, override={"widget": JalaliDateTimeInput})

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NikrahConfig(AppConfig):
    """Site-wide pieces: base templates' helpers, Persian dates and digits, demo content."""

    name = "nikrah"
    verbose_name = _("Nikrah")

    def ready(self):
        from django.db import models
        from django.db.models.signals import post_migrate
        from wagtail.admin.forms.models import register_form_field_override

        from nikrah import csp, throttling, translations
        from nikrah.setup import name_the_permissions, name_the_roots
        from nikrah.widgets import JalaliDateInput, JalaliDateTimeInput

        translations.connect()
        throttling.connect()
        csp.sign_chooser_scripts()
        post_migrate.connect(name_the_roots, sender=self, dispatch_uid="nikrah_roots")
        # Last, once every app has created its permissions.
        post_migrate.connect(name_the_permissions, dispatch_uid="nikrah_permission_names")
        # Every date in the admin is typed and picked in the editor's calendar.
        register_form_field_override(models.DateField, override={"widget": JalaliDateInput})
        register_form_field_override(models.DateTimeField, override={"widget": JalaliDateTimeInput})

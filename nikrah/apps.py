from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NikrahConfig(AppConfig):
    """Site-wide pieces: base templates' helpers, Persian dates and digits, demo content."""

    name = "nikrah"
    verbose_name = _("Nikrah")

    def ready(self):
        from nikrah import translations

        translations.connect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperienceConfig(AppConfig):
    name = "experience"
    verbose_name = _("Volunteer experience")

    def ready(self):
        from experience import signals

        signals.connect()

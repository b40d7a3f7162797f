from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperienceConfig(AppConfig):
    name = "experience"
    verbose_name = _("Volunteer experience")

    def ready(self):
        from experience.recording import issue_certificates_on_completion
        from opportunities.signals import application_completed

        application_completed.connect(
            issue_certificates_on_completion, dispatch_uid="experience_certificates_on_completion"
        )

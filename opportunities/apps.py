from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = _("Volunteer opportunities")

    def ready(self):
        from opportunities.experience import issue_certificates_on_completion
        from opportunities.signals import application_completed

        application_completed.connect(
            issue_certificates_on_completion, dispatch_uid="experience_certificates_on_completion"
        )

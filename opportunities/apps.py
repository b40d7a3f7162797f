from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = _("Volunteer opportunities")

    def ready(self):
        # Models know nothing of forms; the admin form is joined to its page here.
        from opportunities import forms_admin, models

        models.OpportunityPage.base_form_class = forms_admin.OpportunityPageForm

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_moderation(sender, **kwargs):
    from workinggroups import setup

    setup.ensure_network_committees()
    setup.ensure_site_workflow()


class WorkingGroupsConfig(AppConfig):
    name = "workinggroups"
    verbose_name = _("Working groups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models know nothing of forms; the admin forms are joined to them here.
        from workinggroups import forms, models

        models.ProjectPage.base_form_class = forms.ProjectPageForm
        models.Committee.base_form_class = forms.CommitteeForm
        post_migrate.connect(_ensure_moderation, sender=self)
        from workinggroups import signals

        signals.connect()

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs):
    from charities.roles import executive_committee_group

    executive_committee_group()


class CharitiesConfig(AppConfig):
    name = "charities"
    verbose_name = _("Charities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_ensure_roles, sender=self)
        from charities import admin_hooks, home_sections  # noqa: F401  (Wagtail hooks)

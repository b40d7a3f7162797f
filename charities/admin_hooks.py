"""Admin pieces of the charities app: the charities listing where the executive committee
sets the trusted mark, the reference data, provisioning of charities created in the page
explorer, and the download of a charity's records (``charities.archives``)."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from charities import archives, services
from charities.dashboard import my_charity_panel
from charities.models import Charity, CharityPage, Province, Theme
from charities.views import records
from nikrah.explorer import EXPLORER_START_HOOK


class CharityPermissionPolicy(ModelPermissionPolicy):
    """Viewing needs ``view_charity``; the only change allowed is the trusted mark, which
    needs ``set_trusted_mark``. Charities are created by approving a membership request
    (or by platform admins), never deleted from here."""

    def _codename(self, action):
        return {"view": "view_charity", "change": "set_trusted_mark"}.get(action)

    def user_has_permission(self, user, action):
        if user.is_active and user.is_superuser:
            return True
        codename = self._codename(action)
        return bool(codename) and user.has_perm(f"charities.{codename}")

    def users_with_any_permission(self, actions):
        codenames = [self._codename(action) for action in actions if self._codename(action)]
        return self._get_users_with_any_permission_codenames(codenames)


class TrustedMarkEditView(generic.EditView):
    """Saving goes through ``services.set_trusted_mark`` so the change is audit-logged."""

    def save_instance(self):
        charity = Charity.objects.get(pk=self.object.pk)
        services.set_trusted_mark(
            charity, self.form.cleaned_data["is_trusted"], user=self.request.user
        )
        return charity


class CharityIndexView(generic.IndexView):
    """The member charities, each with a download of its records for those who may have it
    (platform admins)."""

    @cached_property
    def charities_with_records(self):
        return set(archives.charities_whose_records(self.request.user).values_list("pk", flat=True))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.pk in self.charities_with_records:
            buttons.append(
                MenuItem(
                    _("Download the charity's records"),
                    url=reverse("charity_records", args=[instance.pk]),
                    icon_name="download",
                    priority=40,
                )
            )
        return buttons


class CharityViewSet(ModelViewSet):
    model = Charity
    icon = "group"
    menu_label = _("Member charities")
    menu_order = 210
    add_to_admin_menu = True
    form_fields = ["is_trusted"]
    list_display = [
        "name",
        BooleanColumn("is_trusted", label=_("trusted member")),
        "trusted_since",
        "created_at",
    ]
    list_filter = ["is_trusted"]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "is_trusted", "trusted_since", "created_at"]
    index_view_class = CharityIndexView
    edit_view_class = TrustedMarkEditView


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name_fa", "name_en", "slug"]
    search_fields = ["name_fa", "name_en"]


class ProvinceViewSet(ModelViewSet):
    model = Province
    icon = "site"
    menu_label = _("Provinces")
    add_to_settings_menu = True
    form_fields = ["code", "name_fa", "name_en"]
    list_display = ["name_fa", "name_en", "code"]
    search_fields = ["name_fa", "name_en", "code"]


register_permission_policy(Charity, CharityPermissionPolicy(Charity))
register_snippet(ThemeViewSet)


@hooks.register("register_admin_viewset")
def register_charity_viewsets():
    return [CharityViewSet("charities"), ProvinceViewSet("provinces")]


@hooks.register("register_admin_urls")
def register_charity_records_url():
    return [
        path("charity-records/<int:pk>/", records.download_records, name="charity_records"),
    ]


hooks.register(archives.CHARITY_RECORDS_HOOK, archives.charity_record)


@hooks.register("register_log_actions")
def register_trusted_mark_actions(actions):
    actions.register_action(
        "nikrah.charity.trusted", _("Set the trusted mark"), _("Marked as a trusted member")
    )
    actions.register_action(
        "nikrah.charity.untrusted",
        _("Remove the trusted mark"),
        _("Trusted member mark removed"),
    )


@hooks.register("after_create_page")
def provision_charity_created_in_the_explorer(request, page):
    """A platform admin may add a charity profile by hand: give it what every member has."""
    if isinstance(page.specific, CharityPage) and page.specific.charity_id is None:
        services.adopt_profile_page(page.specific, user=request.user)


@hooks.register(EXPLORER_START_HOOK)
def editors_start_at_their_charity(user, locale):
    """A charity's editor starts at the charity's profile, in the language they use."""
    charities = list(services.charities_of(user)[:2])
    if len(charities) != 1:
        return None
    pages = CharityPage.objects.filter(charity=charities[0])
    return pages.filter(locale=locale).first() or pages.first()


@hooks.register("construct_homepage_panels")
def show_my_charity(request, panels):
    """A charity's editors see their charity's pages and what awaits them first; Wagtail's
    own "your pages in a workflow" says less and would repeat it."""
    if panel := my_charity_panel(request.user):
        panels[:] = [p for p in panels if p.name != "user_objects_in_workflow_moderation"]
        panels.insert(0, panel)

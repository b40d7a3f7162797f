"""Where each person's page explorer starts: their own corner of the tree, in their language.

Wagtail starts the explorer at the closest common ancestor of every page a person has
permissions on. Each language is its own tree, so for anyone with rights in both the
Persian and the English tree that ancestor is the root, four levels above their work.
Here the common ancestor is taken within the person's own language (what they may
browse), and the sidebar's page explorer opens where apps say a person works
(``EXPLORER_START_HOOK``: a charity's editors at their charity). Platform admins keep the
whole tree.

What a person may explore is narrowed the same way: a right to add pages somewhere (a
charity's editors may add opportunities in its working groups) no longer shows them the
other charities' finished pages there (opportunities, articles: pages that take no
children) unless they may change them. The page listings, the admin search and the site
history report all read this.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail import hooks
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Locale, Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

# A function (user, locale) returning the page ``user``'s explorer starts at, or None.
EXPLORER_START_HOOK = "register_explorer_start"


def current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def leaf_page_content_types():
    """Page types that take no children: the pages a right to add never covers."""
    leaves = [model for model in get_page_models() if not model.allowed_subpage_models()]
    return ContentType.objects.get_for_models(*leaves, for_concrete_models=False).values()


class CornerPagePermissionPolicy(PagePermissionPolicy):
    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if not user.is_active or user.is_superuser:
            return pages
        changeable = self.instances_user_has_permission_for(user, "change")
        others_leaves = Q(content_type__in=[ct.pk for ct in leaf_page_content_types()]) & ~Q(
            pk__in=changeable.values("pk")
        )
        return pages.exclude(others_leaves)

    def explorable_root_instance(self, user):
        if hasattr(user, self._explorable_root_instance_cache_name):
            return getattr(user, self._explorable_root_instance_cache_name)
        root_page = None
        if user.is_active and not user.is_superuser:
            root_page = self._ancestor_in_language(user)
        if root_page is None:
            return super().explorable_root_instance(user)
        setattr(user, self._explorable_root_instance_cache_name, root_page)
        return root_page

    def _ancestor_in_language(self, user):
        locale = current_locale()
        pages = [
            page
            for page in self.instances_with_direct_explore_permission(user)
            if page.locale_id == locale.pk
        ]
        if not pages:
            return None
        try:
            return self.model.base_page_model.objects.first_common_ancestor_of(
                pages, include_self=True, strict=True
            )
        except self.model.base_page_model.DoesNotExist:
            return None


def explorer_start(user):
    """The page the sidebar's explorer opens at for ``user``: their corner if an app names
    one and they may browse it, otherwise where they may start browsing."""
    policy = policy_registry.get_by_type(Page)
    root = policy.explorable_root_instance(user)
    if root is None or user.is_superuser:
        return root
    locale = current_locale()
    for start_for in hooks.get_hooks(EXPLORER_START_HOOK):
        page = start_for(user, locale)
        if page is not None and (page.pk == root.pk or page.is_descendant_of(root)):
            return page
    return root


class CornerExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's "Pages" menu item, opening at the person's corner (``explorer_start``)."""

    def get_context(self, request):
        context = super().get_context(request)
        if start_page := explorer_start(request.user):
            context["start_page_id"] = start_page.id
        return context

    def render_component(self, request):
        start_page = explorer_start(request.user)
        if start_page is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            self.url,
            start_page.id,
            icon_name=self.icon_name,
            classname=self.classname,
        )

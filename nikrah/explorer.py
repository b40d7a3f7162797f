"""Where each person's page explorer starts: their own corner of the tree, in their language.

Wagtail starts the explorer at the closest common ancestor of every page a person has
permissions on. Each language is its own tree, so for anyone with rights in both the
Persian and the English tree that ancestor is the root, four levels above their work.
Here the common ancestor is taken within the person's own language, and apps may name a
corner directly (``EXPLORER_START_HOOK``: a charity's editors start at their charity).
Platform admins keep the whole tree.
"""

from wagtail import hooks
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

# A function (user, locale) returning the page ``user``'s explorer starts at, or None.
EXPLORER_START_HOOK = "register_explorer_start"


def current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


class CornerPagePermissionPolicy(PagePermissionPolicy):
    def explorable_root_instance(self, user):
        if hasattr(user, self._explorable_root_instance_cache_name):
            return getattr(user, self._explorable_root_instance_cache_name)
        root_page = None
        if user.is_active and not user.is_superuser:
            root_page = self._corner_of(user)
        if root_page is None:
            return super().explorable_root_instance(user)
        setattr(user, self._explorable_root_instance_cache_name, root_page)
        return root_page

    def _corner_of(self, user):
        locale = current_locale()
        for start_for in hooks.get_hooks(EXPLORER_START_HOOK):
            if (page := start_for(user, locale)) is not None:
                return page
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

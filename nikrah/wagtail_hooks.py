from wagtail import hooks
from wagtail.models import AbstractPage, Page
from wagtail.permissions import register_permission_policy

from nikrah.explorer import CornerPagePermissionPolicy

register_permission_policy(AbstractPage, CornerPagePermissionPolicy(Page))


@hooks.register("construct_reports_menu")
def hide_site_wide_reports_from_charity_staff(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]

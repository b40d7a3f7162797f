from axes.models import AccessAttempt
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import AbstractPage, Page
from wagtail.permissions import register_permission_policy

from nikrah import admin_display, translations
from nikrah.explorer import CornerExplorerMenuItem, CornerPagePermissionPolicy, current_locale
from nikrah.failed_sign_ins import FailedSignInViewSet, PlatformAdminsOnly

register_permission_policy(AbstractPage, CornerPagePermissionPolicy(Page))
register_permission_policy(AccessAttempt, PlatformAdminsOnly(AccessAttempt))
admin_display.register()


@hooks.register("construct_reports_menu")
def hide_site_wide_reports_from_charity_staff(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("insert_global_admin_css")
def nikrah_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("nikrah/css/fonts.css"),
        static("nikrah/css/admin.css"),
    )


@hooks.register("construct_page_chooser_queryset")
def choose_pages_in_the_editors_language(pages, request):
    """Page choosers list the pages of the language the editor works in (the chooser's own
    language filter, when used, decides instead)."""
    if request.GET.get("locale"):
        return pages
    return pages.filter(locale=current_locale())


@hooks.register("construct_main_menu")
def open_the_explorer_in_each_persons_corner(request, menu_items):
    for index, item in enumerate(menu_items):
        if item.name == "explorer" and not isinstance(item, CornerExplorerMenuItem):
            menu_items[index] = CornerExplorerMenuItem(
                item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
            )


hooks.register("register_page_header_buttons", translations.translate_button)
hooks.register("register_admin_viewset", FailedSignInViewSet)


@hooks.register("before_edit_page", order=-1)
def submit_translation_for_review(request, page):
    """The translation editor's «Submit for review» button (wagtail-localize's editor has
    none); it runs before wagtail-localize takes over the edit view."""
    if request.method == "POST" and translations.SUBMIT_FOR_REVIEW in request.POST:
        translation = translations.translation_being_edited(page)
        if translation:
            return translations.submit_translation_for_review(request, page, translation)

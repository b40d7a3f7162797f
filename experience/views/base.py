"""What the admin screens for hours and certificates share.

As with applications (``opportunities.admin_views``), a charity's editors see their own
charities' records and platform admins see all; nobody else sees any. Every view is scoped,
not only the listing: another charity's record is a 404. Nothing is deleted here, and data
changes only through ``experience.recording``.
"""

from django.contrib.admin.utils import quote
from django.utils.translation import get_language
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, TitleColumn
from wagtail.snippets.models import SnippetAdminURLFinder

from nikrah.admin_scoping import ScopedSnippetViewSet
from nikrah.persian import format_date, format_number, localize_digits
from opportunities.models import Application, OpportunityPage

TEMPLATES = "experience/admin"


def hours_display(hours):
    return format_number(hours, get_language())


def number_display(number):
    return localize_digits(number, get_language())


def jalali_column(name, label):
    return Column(
        name,
        label=label,
        accessor=lambda item: format_date(getattr(item, name), get_language()),
        sort_key=name,
    )


def opportunities_in_scope(request):
    """The opportunities whose volunteers' records the user may see, for the filters."""
    if request is None:
        return OpportunityPage.objects.none()
    return OpportunityPage.objects.filter(
        pk__in=Application.objects.for_reviewer(request.user).values("opportunity")
    ).order_by("title_sort")


class RowTitleColumn(ButtonsColumnMixin, TitleColumn):
    """A row's title, linked, with the row's actions next to it (as Wagtail's listings)."""

    def __init__(self, *args, get_buttons, **kwargs):
        super().__init__(
            *args, get_title_id=lambda item: f"snippet_{quote(item.pk)}_title", **kwargs
        )
        self._get_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)


class ExperienceViewSet(ScopedSnippetViewSet):
    """What hours and certificates share: menu placement, no copying and no chooser, and
    links to a record (e.g. from the audit log) that lead to its inspect view."""

    add_to_admin_menu = True
    inspect_view_enabled = True
    create_template_name = f"{TEMPLATES}/create.html"
    edit_template_name = f"{TEMPLATES}/edit.html"
    list_per_page = 50

    @property
    def url_finder_class(self):
        return type(
            "_InspectURLFinder",
            (SnippetAdminURLFinder,),
            {"model": self.model, "edit_url_name": self.get_url_name("inspect")},
        )


def experience_error(view, form, error):
    """Show why the rules refused (a future day, more than 24 hours…) on the form."""
    form.add_error(None, str(error))
    view.produced_error_code = "validation_error"
    view.produced_error_message = str(error)
    return view.form_invalid(form)

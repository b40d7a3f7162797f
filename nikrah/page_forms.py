"""The admin form every Nikrah page is edited with."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


class BasePageForm(WagtailAdminPageForm):
    """Choices of other pages (related working groups, projects…) offer only the pages in
    the language of the page being edited: each language is its own tree, and a Persian
    article linking to an English working group would lead readers out of their site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and issubclass(queryset.model, Page):
                field.queryset = queryset.filter(locale_id=locale_id)

"""How field values read in the admin's inspect views and listings: Jalali dates, «بله»
and «خیر» rather than True and False, and a dash rather than None."""

import datetime

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class

from nikrah import persian

EMPTY = "—"


class ValueDisplay(BaseFieldDisplay):
    def render_html(self, parent_context=None):
        return EMPTY if self.value in (None, "") else str(self.value)


class YesNoDisplay(BaseFieldDisplay):
    def render_html(self, parent_context=None):
        if self.value is None:
            return EMPTY
        return str(_("Yes") if self.value else _("No"))


class MomentDisplay(BaseFieldDisplay):
    def render_html(self, parent_context=None):
        if self.value is None:
            return EMPTY
        if isinstance(self.value, datetime.datetime):
            return persian.format_datetime(self.value, get_language())
        return persian.format_date(self.value, get_language())


def register():
    for field_class in (
        models.CharField,
        models.TextField,
        models.IntegerField,
        models.DecimalField,
        models.EmailField,
        models.URLField,
    ):
        register_display_class(field_class, display_class=ValueDisplay)
    register_display_class(models.BooleanField, display_class=YesNoDisplay)
    register_display_class(models.DateField, display_class=MomentDisplay)
    register_display_class(models.DateTimeField, display_class=MomentDisplay)

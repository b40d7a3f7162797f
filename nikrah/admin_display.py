"""How field values read in the admin's inspect views and listings: Jalali dates, «بله»
and «خیر» rather than True and False, and a dash rather than None."""

import datetime

from django.db import models
from django.utils import timezone
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
    @staticmethod
    def text(value):
        if value is None:
            return EMPTY
        if isinstance(value, datetime.datetime):
            return persian.format_datetime(value, get_language())
        return persian.format_date(value, get_language())

    def render_html(self, parent_context=None):
        return self.text(self.value)


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


def _local_moment(value):
    return timezone.localtime(value) if timezone.is_aware(value) else value


class CalendarExportMixin:
    """Exports (CSV and Excel) write dates as the person exporting reads them: Jalali with
    Persian digits in Persian; otherwise the local time the charity knows (not UTC), as
    text in CSV and as a date in Excel."""

    def get_preprocess_function(self, field, value, export_format):
        if not isinstance(value, datetime.date) or field in self.custom_field_preprocess:
            return super().get_preprocess_function(field, value, export_format)
        if persian.is_persian(get_language()):
            return MomentDisplay.text
        if not isinstance(value, datetime.datetime):
            return super().get_preprocess_function(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return lambda moment: f"{_local_moment(moment):%Y-%m-%d %H:%M}"
        return lambda moment: _local_moment(moment).replace(tzinfo=None)

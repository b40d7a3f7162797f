"""Date and date-time inputs in the calendar of the person filling them in.

For Persian, the Jalali calendar with Persian digits and a Jalali picker
(``static/nikrah/js/jalali-picker.js``, which takes its calendar from the browser): the field shows
۱۴۰۵/۰۹/۱۰ and accepts what a person types (Jalali or Gregorian, Persian, Arabic or ASCII
digits). The form field always receives an ISO value, so models store Gregorian dates.
Other languages get the browser's own date input. The admin uses these for every model
date field (``nikrah.apps``), so go-live and expiry dates, news dates, opportunity dates
and hours are all Jalali for a Persian editor.
"""

import datetime
import json

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget

from nikrah import persian

PICKER_JS = ["nikrah/js/jalali-picker.js"]
PICKER_CSS = ["nikrah/css/jalali-picker.css"]


def picker_labels():
    return json.dumps(
        {
            "dialog": str(_("Choose a date")),
            "previous": str(_("Previous month")),
            "next": str(_("Next month")),
            "today": str(_("Today")),
            "clear": str(_("Clear")),
            "hour": str(_("Hour")),
            "minute": str(_("Minute")),
        },
        ensure_ascii=False,
    )


class JalaliDateInput(forms.TextInput):
    """A date: Jalali for Persian, the browser's date input otherwise."""

    with_time = False
    html_input_type = "date"
    iso_format = "%Y-%m-%d"

    class Media:
        js = PICKER_JS
        css = {"all": PICKER_CSS}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        if persian.is_persian(get_language()):
            context["widget"]["type"] = "text"
            widget_attrs["data-jalali"] = ""
            if self.with_time:
                widget_attrs["data-jalali-time"] = ""
            widget_attrs["data-jalali-labels"] = picker_labels()
            widget_attrs.setdefault("dir", "ltr")
            widget_attrs.setdefault("autocomplete", "off")
            widget_attrs.setdefault("placeholder", self.placeholder())
        else:
            context["widget"]["type"] = self.html_input_type
        return context

    def placeholder(self):
        example = datetime.datetime(2023, 1, 10, 14, 30)
        return persian.format_jalali_input(example, with_time=self.with_time)

    def format_value(self, value):
        if isinstance(value, str) and value.strip():
            # Bound data (an ISO value, or what was typed): shown as its calendar wants.
            value = self.parse(value) or value
        if isinstance(value, (datetime.date, datetime.datetime)):
            if persian.is_persian(get_language()):
                return persian.format_jalali_input(value, with_time=self.with_time)
            return self._iso(value)
        return super().format_value(value)

    def _iso(self, value):
        if isinstance(value, datetime.datetime):
            return value.strftime(self.iso_format)
        return value.isoformat()

    def value_from_datadict(self, data, files, name):
        raw = super().value_from_datadict(data, files, name)
        if not raw or not str(raw).strip():
            return raw
        parsed = self.parse(raw)
        # Unreadable input goes to the form field as typed, which refuses it with its
        # own message ("Enter a valid date").
        return self._iso(parsed) if parsed else raw

    def parse(self, raw):
        return persian.parse_date(raw)


class JalaliDateTimeInput(JalaliDateInput):
    """A date and time: ۱۴۰۵/۰۹/۱۰ ۱۴:۳۰ for Persian, the browser's own input otherwise."""

    with_time = True
    html_input_type = "datetime-local"
    iso_format = "%Y-%m-%dT%H:%M"

    def parse(self, raw):
        return persian.parse_datetime(raw)


class JalaliDateRangeWidget(DateRangePickerWidget):
    """Wagtail's "from – to" date filter of admin listings, in the editor's calendar."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets = [
            JalaliDateInput(attrs={"placeholder": _("Date from")}),
            JalaliDateInput(attrs={"placeholder": _("Date to")}),
        ]

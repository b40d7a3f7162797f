"""The form volunteers log their hours with on the site; the admin's form for charities
recording hours builds on it."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from nikrah.persian import parse_date, to_ascii_digits


class PersianDateField(forms.Field):
    """A date typed in the Jalali calendar (۱۴۰۳/۰۷/۱۰) or as ISO, with any digits."""

    widget = forms.TextInput

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        date = parse_date(value[:20])
        if date is None:
            raise forms.ValidationError(
                _("Enter the date as year/month/day, for example ۱۴۰۳/۰۷/۱۰."), code="invalid"
            )
        return date


class HoursField(forms.DecimalField):
    """Hours with Persian or ASCII digits and a dot, a comma or the Persian decimal mark."""

    def to_python(self, value):
        if isinstance(value, str):
            value = to_ascii_digits(value).strip().replace("٫", ".").replace(",", ".")
        return super().to_python(value)


class HoursForm(forms.Form):
    """Hours a volunteer gave on one day; the charity confirms them before they count."""

    date = PersianDateField(label=_("Date"))
    hours = HoursField(
        label=_("Hours"),
        min_value=Decimal("0.25"),
        max_value=24,
        max_digits=4,
        decimal_places=2,
        error_messages={
            "invalid": _("Enter the number of hours, for example 2 or 3.5."),
            "max_value": _("A day has at most 24 hours."),
            "min_value": _("Enter at least a quarter of an hour (0.25)."),
        },
    )
    description = forms.CharField(
        label=_("What did you do?"),
        max_length=300,
        error_messages={"max_length": _("Please keep it under %(limit_value)d characters.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].widget.attrs.update(inputmode="numeric", placeholder="۱۴۰۳/۰۷/۱۰")
        self.fields["hours"].widget = forms.TextInput(attrs={"inputmode": "decimal"})

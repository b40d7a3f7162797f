"""Forms of the experience app: the one volunteers log their hours with on the site, their
choice about their certificates when they delete their account, and those of the admin,
where charities record, confirm and reject hours and issue and revoke certificates."""

from decimal import Decimal

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from experience import erasure, recording
from experience.models import Certificate, HoursEntry
from nikrah.persian import localize_digits, parse_date, to_ascii_digits
from opportunities.forms import AccountDeletionChoice
from opportunities.models import Application


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


def _explained(title, explanation):
    return format_html(
        '<span class="choice__title">{}</span> <span class="choice__text">{}</span>',
        title,
        explanation,
    )


def certificates_on_account_deletion(user):
    """The deletion page asks a volunteer who holds certificates whether to keep them as
    issued or withdraw them (``experience.erasure``); it has no default answer."""
    count = Certificate.objects.filter(volunteer=user).count()
    if not count:
        return None
    field = forms.ChoiceField(
        label=gettext("What should happen to your certificates?"),
        help_text=ngettext(
            "You hold %(count)s certificate issued for your volunteering.",
            "You hold %(count)s certificates issued for your volunteering.",
            count,
        )
        % {"count": localize_digits(str(count), get_language())},
        choices=[
            (
                erasure.KEEP,
                _explained(
                    gettext("Keep them valid"),
                    gettext(
                        "As a diploma does, each keeps your name: its verification page, "
                        "its PDF and its digital credential still show it to anyone who has "
                        "its code."
                    ),
                ),
            ),
            (
                erasure.WITHDRAW,
                _explained(
                    gettext("Withdraw them"),
                    gettext(
                        "Each is revoked at your request: its verification page no longer "
                        "shows your name and says it was withdrawn at its holder's request, "
                        "and the published revocation list tells every verifier that it is "
                        "no longer valid."
                    ),
                ),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext(
                "Choose whether to keep or withdraw your certificates. "
                "Your account has not been deleted."
            )
        },
    )
    return AccountDeletionChoice(erasure.CERTIFICATES_CHOICE, field)


# In the admin


class ApplicationChoiceField(forms.ModelChoiceField):
    """One of the charity's applications, shown as the volunteer and the opportunity."""

    def label_from_instance(self, application):
        return f"{application.volunteer_name} · {application.opportunity.title}"


def applications_in_scope(user, statuses):
    return (
        Application.objects.for_reviewer(user)
        .filter(status__in=statuses)
        .select_related("opportunity", "volunteer__volunteer_profile")
        .order_by("opportunity__title", "pk")
    )


class RecordHoursForm(HoursForm, forms.ModelForm):
    """The charity records a volunteer's hours itself, with the same date, hours and
    description a volunteer gives (``HoursForm``), for one of its accepted applications."""

    application = ApplicationChoiceField(
        label=_("Volunteer and opportunity"),
        queryset=Application.objects.none(),
        help_text=_("Volunteers whose application was accepted or is completed."),
        error_messages={
            "invalid_choice": _(
                "Choose a volunteer whose application to your charity was accepted."
            )
        },
    )

    class Meta:
        model = HoursEntry
        fields = ["application", "date", "hours", "description"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications_in_scope(user, recording.TAKES_PART)
        self.fields["description"].label = _("What was done")


class HoursReviewForm(forms.ModelForm):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (HoursEntry.Status.CONFIRMED.value, _("Confirm")),
            (HoursEntry.Status.REJECTED.value, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = HoursEntry
        fields = ["status", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        labels = {"note": _("Note to the volunteer (optional)")}


class HoursReviewBulkActionForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the volunteers (optional)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to each volunteer with their hours."),
    )


class IssueCertificateForm(forms.ModelForm):
    application = ApplicationChoiceField(
        label=_("Volunteer and opportunity"),
        queryset=Application.objects.none(),
        help_text=_("Volunteers whose application is marked as completed."),
        error_messages={
            "invalid_choice": _(
                "Choose a volunteer whose application to your charity is completed."
            )
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        # Hours and training certificates are issued by their rules, not by hand.
        choices=[(Certificate.Kind.PARTICIPATION.value, Certificate.Kind.PARTICIPATION.label)],
        initial=Certificate.Kind.PARTICIPATION,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Certificate
        fields = ["application", "kind"]
        error_messages = {
            NON_FIELD_ERRORS: {"unique_together": _("This volunteer already has this certificate.")}
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A volunteer who deleted their account has no name left to put on a certificate.
        self.fields["application"].queryset = applications_in_scope(
            user, [Application.Status.COMPLETED]
        ).filter(volunteer__volunteer_profile__isnull=False)


class RevokeCertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = ["revoked_reason"]
        widgets = {"revoked_reason": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "revoked_reason": _("Kept with the certificate and in its history."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoked_reason"].required = True

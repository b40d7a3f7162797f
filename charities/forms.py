"""Forms of the membership flow: the public request form (with its checks on phones, years
and documents), the reviewers' decline form and the form trusted members invite
associations with."""

import re
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from persiantools.jdatetime import JalaliDate
from wagtail.admin.forms import WagtailAdminModelForm

from charities import membership
from charities.models import Invitation, MembershipRequest
from nikrah import persian
from nikrah.spam import SpamGuardMixin

# Documents: extension → (content type, how such a file begins).
DOCUMENT_TYPES = {
    "pdf": ("application/pdf", b"%PDF-"),
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n"),
}
MAX_DOCUMENTS = 3
MAX_DOCUMENT_SIZE = 5 * 1024 * 1024

FIRST_JALALI_YEAR = 1250

PHONE_SEPARATORS = re.compile(r"[\s\-().\u200c\u200f\u200e]+")
# Mobile 09xxxxxxxxx, or a landline with its area code: 0 + two-digit area + 8 digits.
IRANIAN_PHONE = re.compile(r"^0[1-9]\d{9}$")


def normalize_phone(value):
    """An Iranian phone number as ASCII digits (09121234567, 02166554433), whatever digits,
    spaces or dashes it was typed with and with or without +98; ValidationError otherwise."""
    number = PHONE_SEPARATORS.sub("", persian.to_ascii_digits(value))
    if number.startswith("+98"):
        number = "0" + number[3:]
    elif number.startswith("0098"):
        number = "0" + number[4:]
    if not IRANIAN_PHONE.match(number):
        raise ValidationError(
            _(
                "Enter an Iranian phone number with its area code, such as 02166554433, "
                "or a mobile number such as 09121234567."
            ),
            code="invalid_phone",
        )
    return number


def document_content_type(upload):
    """The content type of an uploaded document, which must be a PDF, JPEG or PNG file both
    by its name and by its first bytes, and no larger than 5 MB; ValidationError otherwise."""
    extension = PurePath(upload.name).suffix.lower().lstrip(".")
    if extension not in DOCUMENT_TYPES:
        raise ValidationError(
            _("“%(name)s” is not a PDF, JPEG or PNG file."),
            code="document_type",
            params={"name": upload.name},
        )
    if upload.size > MAX_DOCUMENT_SIZE:
        raise ValidationError(
            _("“%(name)s” is larger than 5 MB."), code="document_size", params={"name": upload.name}
        )
    content_type, signature = DOCUMENT_TYPES[extension]
    upload.seek(0)
    first_bytes = upload.read(len(signature))
    upload.seek(0)
    if first_bytes != signature:
        raise ValidationError(
            _("“%(name)s” is not really a %(type)s file."),
            code="document_content",
            params={"name": upload.name, "type": extension.upper()},
        )
    return content_type


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentsField(forms.FileField):
    """Up to three PDF, JPEG or PNG files; cleans to a list of (file, content type)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        kwargs.setdefault("max_length", 200)  # file names, so that stored paths fit
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data or []) if upload]
        if len(uploads) > MAX_DOCUMENTS:
            raise ValidationError(
                _("Attach at most %(count)s files."),
                code="too_many_documents",
                params={"count": persian.localize_digits(MAX_DOCUMENTS, get_language())},
            )
        errors, documents = [], []
        for upload in uploads:
            try:
                documents.append((super().clean(upload, initial), document_content_type(upload)))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return documents


class JalaliYearField(forms.IntegerField):
    """A year of the Solar Hijri calendar, typed with Persian or ASCII digits."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "size": 6})

    def to_python(self, value):
        if isinstance(value, str):
            value = persian.to_ascii_digits(value).strip()
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        last_year = JalaliDate.today().year
        if value is not None and not FIRST_JALALI_YEAR <= value <= last_year:
            language = get_language()
            raise ValidationError(
                _(
                    "Enter a year of the Solar Hijri calendar between %(first)s and %(last)s, "
                    "for example 1395."
                ),
                code="year_out_of_range",
                params={
                    "first": persian.localize_digits(FIRST_JALALI_YEAR, language),
                    "last": persian.localize_digits(last_year, language),
                },
            )


class MembershipRequestForm(SpamGuardMixin, forms.ModelForm):
    """A charity asks to join. Names are stored with Persian letters, phone numbers with
    ASCII digits; a request identical to one still open is refused (and so are programs:
    see SpamGuardMixin)."""

    year_founded = JalaliYearField(
        label=_("Year founded (Solar Hijri)"), required=False, help_text=_("For example 1395.")
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    documents = DocumentsField(
        label=_("Documents"),
        required=False,
        help_text=_(
            "For example the registration certificate or the statute: up to 3 files, PDF, "
            "JPEG or PNG, 5 MB each at most."
        ),
    )

    class Meta:
        model = MembershipRequest
        fields = [
            "charity_name",
            "registration_number",
            "registering_body",
            "year_founded",
            "contact_name",
            "contact_role",
            "phone",
            "email",
            "website",
            "themes",
            "provinces",
            "statement",
        ]
        labels = {
            "charity_name": _("Name of the charity"),
            "registration_number": _("Registration number"),
            "registering_body": _("Registered with"),
            "contact_name": _("Contact person"),
            "contact_role": _("Their role in the charity"),
            "phone": _("Phone"),
            "email": _("E-mail"),
            "themes": _("Fields of activity"),
            "provinces": _("Provinces served"),
            "statement": _("About the charity"),
        }
        help_texts = {
            "registering_body": _(
                "For example the Ministry of Interior or the State Welfare Organisation."
            ),
            "phone": _("A mobile number or a landline with its area code."),
            "statement": _("What the charity does, for whom and where, in a few lines."),
        }
        widgets = {
            "phone": forms.TextInput(
                attrs={"type": "tel", "inputmode": "tel", "dir": "ltr", "autocomplete": "tel"}
            ),
            "email": forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
            "registration_number": forms.TextInput(attrs={"dir": "auto"}),
            "themes": forms.CheckboxSelectMultiple,
            "provinces": forms.CheckboxSelectMultiple,
            "statement": forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
        }
        error_messages = {
            "themes": {"required": _("Choose at least one field of activity.")},
            "provinces": {"required": _("Choose at least one province.")},
        }

    duplicate_message = _(
        "A request for this charity is already waiting for review. The executive committee "
        "will write to you once it has decided."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"dir": "ltr", "placeholder": "https://"})

    def _names(self, value):
        return " ".join(persian.normalize_letters(value).split())

    def clean_charity_name(self):
        return self._names(self.cleaned_data["charity_name"])

    def clean_registration_number(self):
        return self._names(persian.to_ascii_digits(self.cleaned_data["registration_number"]))

    def clean_registering_body(self):
        return self._names(self.cleaned_data["registering_body"])

    def clean_contact_name(self):
        return self._names(self.cleaned_data["contact_name"])

    def clean_contact_role(self):
        return self._names(self.cleaned_data["contact_role"])

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("charity_name")
        number = cleaned_data.get("registration_number")
        if name and number and self.is_duplicate(name, number):
            raise ValidationError(self.duplicate_message, code="duplicate")
        return cleaned_data

    def is_duplicate(self, charity_name, registration_number):
        return MembershipRequest.objects.duplicates_of(charity_name, registration_number).exists()


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The contact person receives this text by e-mail."),
        error_messages={"required": _("Say why the request is declined.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Say why the request is declined."), code="required")
        return reason


class InvitationForm(WagtailAdminModelForm):
    """An editor of a trusted charity invites an association to ask to join."""

    charity = forms.ModelChoiceField(
        queryset=None,
        label=_("On behalf of"),
        empty_label=None,
        help_text=_("The invited association's request will show that this charity vouched."),
    )

    class Meta:
        model = Invitation
        fields = ["charity", "email", "organisation_name", "message"]
        labels = {
            "email": _("E-mail"),
            "organisation_name": _("Association's name"),
            "message": _("Message (optional)"),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["charity"].queryset = membership.inviting_charities(self.for_user)
        self.fields["organisation_name"].required = True

    def clean(self):
        cleaned_data = super().clean()
        if membership.join_page() is None:
            raise ValidationError(
                _("The membership request page is not published yet, so no invitation can be sent.")
            )
        return cleaned_data

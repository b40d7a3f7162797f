"""Forms volunteers fill in on the public site."""

import itertools
import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from charities.forms import normalize_phone
from charities.models import City
from nikrah.persian import is_persian, normalize_letters, to_ascii_digits
from nikrah.sections import contributions
from opportunities.models import VolunteerProfile

# Latin and Persian commas, semicolons and line breaks separate skills; spaces do not, so
# that "first aid" or «طراحی گرافیک» stay one skill (taggit's own parser splits on spaces).
SKILL_SEPARATORS = re.compile(r"[,،;؛\n\r]+")
MAX_SKILLS = 20
MAX_SKILL_LENGTH = 50

#: Apps ask the volunteer about what they hold of them on the account deletion page: a
#: function registered under this hook takes the user and returns an
#: ``AccountDeletionChoice`` (or None when there is nothing to ask). The answers reach the
#: apps with ``nikrah.signals.volunteer_account_deleted``.
ACCOUNT_DELETION_CHOICE_HOOK = "register_account_deletion_choice"


@dataclass(frozen=True)
class AccountDeletionChoice:
    """A question on the deletion page: ``field`` is asked under ``name``; give it no
    initial value, so that the volunteer decides rather than a default."""

    name: str
    field: forms.Field


class SkillsInput(forms.TextInput):
    """Shows the saved skills as one comma-separated line, with Persian commas in Persian."""

    def format_value(self, value):
        if isinstance(value, (list, tuple)):
            separator = "، " if is_persian(get_language()) else ", "
            value = separator.join(str(getattr(skill, "name", skill)) for skill in value)
        return super().format_value(value)


class SkillsField(forms.CharField):
    """Skills typed on one line; cleans to a list of distinct names."""

    widget = SkillsInput

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            value = ",".join(str(getattr(skill, "name", skill)) for skill in value)
        text = to_ascii_digits(normalize_letters(super().to_python(value)))
        names = []
        for part in SKILL_SEPARATORS.split(text):
            name = " ".join(part.split())
            if name and name not in names:
                names.append(name)
        return names

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_SKILLS:
            raise forms.ValidationError(
                _("Please list at most %(limit)d skills."),
                code="too_many_skills",
                params={"limit": MAX_SKILLS},
            )
        too_long = [name for name in value if len(name) > MAX_SKILL_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _(
                    "“%(skill)s” is too long for one skill (at most %(limit)d characters). "
                    "Separate skills with commas."
                ),
                code="skill_too_long",
                params={"skill": too_long[0][:MAX_SKILL_LENGTH] + "…", "limit": MAX_SKILL_LENGTH},
            )


def cities_grouped_by_province():
    """Select choices: each province's cities under an <optgroup> named after it."""
    cities = City.objects.select_related("province").order_by(
        "province__name_sort", "-is_capital", "name_sort"
    )
    return [
        (province.name, [(city.pk, city.name) for city in group])
        for province, group in itertools.groupby(cities, key=lambda city: city.province)
    ]


class VolunteerProfileForm(forms.ModelForm):
    """The volunteer's own profile. Which city goes with which province is checked by the
    model (VolunteerProfile.clean), whatever the browser sends."""

    skills = SkillsField(
        label=_("Skills"),
        required=False,
        help_text=_("Separate skills with commas, e.g. first aid, teaching, graphic design."),
    )

    class Meta:
        model = VolunteerProfile
        fields = [
            "display_name",
            "phone",
            "province",
            "city",
            "skills",
            "interests",
            "availability",
            "languages",
            "bio",
            "resume_public",
        ]
        widgets = {
            "interests": forms.CheckboxSelectMultiple,
            "availability": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "display_name": {"required": _("Please enter the name charities will know you by.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", dir="ltr", inputmode="tel")
        self.fields["province"].empty_label = _("Choose a province")
        self.fields["city"].choices = [("", _("Choose a city")), *cities_grouped_by_province()]
        self.fields["city"].help_text = _("Cities are grouped by province.")
        self.fields["city"].widget.attrs["data-city-select"] = "province"
        self.fields["province"].widget.attrs["data-province-select"] = ""

    def clean_display_name(self):
        return " ".join(normalize_letters(self.cleaned_data["display_name"]).split())

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        return normalize_phone(phone) if phone.strip() else ""

    def clean_languages(self):
        return " ".join(normalize_letters(self.cleaned_data["languages"]).split())

    def clean(self):
        cleaned_data = super().clean()
        city = cleaned_data.get("city")
        if city is not None and cleaned_data.get("province") is None:
            # A city alone says which province it is in.
            cleaned_data["province"] = city.province
        return cleaned_data


class AccountDeletionForm(forms.Form):
    """Asks what the apps want to know before the account goes (see
    ``ACCOUNT_DELETION_CHOICE_HOOK``), then for the password, or for a typed confirmation
    word when the account has no usable password (e.g. it only ever signed in with e-mailed
    codes)."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirmation = forms.CharField(label=_("Confirmation"), max_length=50)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.choice_names = []
        for choice in contributions(ACCOUNT_DELETION_CHOICE_HOOK, user):
            self.fields[choice.name] = choice.field
            self.choice_names.append(choice.name)
        # The questions first, then the confirmation.
        self.order_fields(self.choice_names)
        if user.has_usable_password():
            del self.fields["confirmation"]
        else:
            del self.fields["password"]
            self.fields["confirmation"].help_text = _(
                "Type the word “%(word)s” to confirm that you want to delete your account."
            ) % {"word": self.confirmation_word()}

    def choice_fields(self):
        return [self[name] for name in self.choice_names]

    def confirmation_fields(self):
        return [field for field in self.visible_fields() if field.name not in self.choice_names]

    def choices(self):
        """The volunteer's answers, by field name (once the form is valid)."""
        return {name: self.cleaned_data[name] for name in self.choice_names}

    @staticmethod
    def confirmation_word():
        return str(_("delete"))

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password. Your account has not been deleted."),
                code="wrong_password",
            )
        return password

    def clean_confirmation(self):
        typed = normalize_letters(self.cleaned_data["confirmation"]).strip().casefold()
        if typed != normalize_letters(self.confirmation_word()).casefold():
            raise forms.ValidationError(
                _("Type “%(word)s” exactly to confirm. Your account has not been deleted."),
                code="wrong_confirmation",
                params={"word": self.confirmation_word()},
            )
        return typed


class ApplicationForm(forms.Form):
    """What a volunteer tells the organising charity when applying."""

    motivation = forms.CharField(
        label=_("Why would you like to take part?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Please keep it under %(limit_value)d characters.")},
    )
    availability = forms.CharField(
        label=_("When are you available?"),
        max_length=300,
        help_text=_("For example: Friday mornings, or two evenings a week."),
        error_messages={"max_length": _("Please keep it under %(limit_value)d characters.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the organising charity sees my name, e-mail and profile."),
        error_messages={
            "required": _("Please agree that the organising charity may see your contact details.")
        },
    )

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from charities.services import charities_of
from nikrah.page_forms import BasePageForm


class ProjectPageForm(BasePageForm):
    """A project proposed by a charity editor belongs to their charity, which must be a
    member of the working group."""

    def _proposing_charity(self):
        working_group = self.parent_page.specific if self.parent_page else None
        members = working_group.member_charities.all() if working_group else []
        return (
            charities_of(self.for_user).filter(pk__in=[charity.pk for charity in members]).first()
        )

    def clean(self):
        cleaned_data = super().clean()
        is_new = self.instance.pk is None
        is_charity_editor = not self.for_user.is_superuser and charities_of(self.for_user).exists()
        if is_new and is_charity_editor and self._proposing_charity() is None:
            raise ValidationError(
                _(
                    "Your charity is not a member of this working group, so it cannot "
                    "propose projects here."
                )
            )
        return cleaned_data

    def save(self, commit=True):
        page = self.instance
        if page.owner_charity_id is None and self.parent_page is not None:
            page.owner_charity = self._proposing_charity()
            if page.lead_charity_id is None:
                page.lead_charity = page.owner_charity
        return super().save(commit=commit)


class CommitteeForm(WagtailAdminModelForm):
    """Admins manage a committee's members here; they are kept as its Wagtail group's users."""

    members = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Members"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.group_id:
            self.fields["members"].initial = self.instance.group.user_set.all()

    def save(self, commit=True):
        from workinggroups.setup import ensure_committee_group

        committee = self.instance
        with transaction.atomic():
            ensure_committee_group(committee)
            committee = super().save(commit=True)
            committee.group.user_set.set(self.cleaned_data["members"])
        return committee

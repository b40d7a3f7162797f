"""Admin forms of the opportunities app."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from charities.services import charities_of
from nikrah.page_forms import BasePageForm


class OpportunityPageForm(BasePageForm):
    """The organising charity is the editor's charity that belongs to the working group; it
    is set here, never typed."""

    def _organising_charity(self):
        from workinggroups.models import WorkingGroupPage

        group = WorkingGroupPage.objects.ancestor_of(self.parent_page, inclusive=True).first()
        members = group.member_charities.all() if group else []
        return charities_of(self.for_user).filter(pk__in=[c.pk for c in members]).first()

    def clean(self):
        cleaned_data = super().clean()
        is_new = self.instance.pk is None
        is_charity_editor = not self.for_user.is_superuser and charities_of(self.for_user).exists()
        if is_new and is_charity_editor and self._organising_charity() is None:
            raise ValidationError(
                _(
                    "Your charity is not a member of this working group, so it cannot offer "
                    "opportunities here."
                )
            )
        return cleaned_data

    def save(self, commit=True):
        if self.instance.charity_id is None and self.parent_page is not None:
            self.instance.charity = self._organising_charity()
        return super().save(commit=commit)

"""Admin screens for records that belong to one charity (applications, hours, certificates,
comments): each user sees only the records in their scope, in every view.

A filtered listing is not enough: Wagtail also reaches a snippet through its object views
(edit, inspect, history, usage, delete), its chooser and its bulk actions, whose
confirmation pages list the chosen records by name. The scope is the one the model's
permission policy gives (``instances_user_has_any_permission_for``); another charity's
record is simply not found.
"""

import django_filters
from django import forms
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    SnippetViewSet,
    UsageView,
)

from nikrah.admin_display import CalendarExportMixin
from nikrah.url_values import valid_ids

SCOPE_ACTIONS = ("view", "change")


def scope_for(permission_policy, user):
    return permission_policy.instances_user_has_any_permission_for(user, SCOPE_ACTIONS)


class SafeModelChoiceField(forms.ModelChoiceField):
    """A choice by id where a nonsense or out-of-range id is an invalid choice, not an
    error of the database."""

    def to_python(self, value):
        if value not in self.empty_values and not valid_ids([value]):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """django-filter's ModelChoiceFilter, with SafeModelChoiceField."""

    field_class = SafeModelChoiceField


class ScopedObjectMixin:
    """Fetch the record from the user's scope only: anything else is a 404, before any
    other check. ``related`` names what the view's page shows with it."""

    related = ()

    def get_object(self, queryset=None):
        record = (
            scope_for(self.permission_policy, self.request.user)
            .select_related(*self.related)
            .filter(pk=self.kwargs.get("pk"))
            .first()
        )
        if record is None:
            raise Http404
        self.live_object = record
        return record


class ScopedIndexView(CalendarExportMixin, IndexView):
    """A listing whose footer offers only the bulk actions named in ``bulk_actions``, not
    Wagtail's bulk delete (see ``no_bulk_delete``)."""

    bulk_actions = ()

    def bulk_action_buttons(self):
        opts = self.model._meta
        return [
            ListingButton(
                action.display_name,
                reverse(
                    "wagtail_bulk_action",
                    args=[opts.app_label, opts.model_name, action.action_type],
                ),
                attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                priority=action.action_priority,
                classname=" ".join(action.classes | {"bulk-action-btn"}),
            )
            for action in self.bulk_actions
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["bulk_action_buttons"] = self.bulk_action_buttons()
        return context


class ScopedEditView(ScopedObjectMixin, EditView):
    pass


class ScopedInspectView(ScopedObjectMixin, InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    pass


class ScopedSnippetViewSet(SnippetViewSet):
    """Every object view scoped (subclasses replacing one should keep ScopedObjectMixin),
    no chooser (it would list every charity's records to anyone who may view some) and no
    copying (these records are made by what people do, not duplicated)."""

    copy_view_enabled = False
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    delete_view_class = ScopedDeleteView
    index_template_name = "admin/scoped_index.html"

    def register_chooser_viewset(self):
        pass


class ScopedBulkActionMixin:
    """A bulk action finds only the records in the user's scope: another charity's ids are
    not found, so not even their names reach the confirmation page. Acting on a record
    needs the permission to change it."""

    related = ()

    def get_queryset(self, model, object_ids):
        scope = scope_for(self.permission_policy, self.request.user)
        return get_list_or_404(scope.select_related(*self.related), pk__in=valid_ids(object_ids))

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_execution_context(self):
        """The acting user reaches ``execute_action``, for the rules and the audit log."""
        return {**super().get_execution_context(), "user": self.request.user}

    def get_all_objects_in_listing_query(self, parent_id):
        return scope_for(self.permission_policy, self.request.user).values_list("pk", flat=True)


def no_bulk_delete(*models):
    """A bulk action that takes the place of Wagtail's bulk delete for ``models`` (register
    it with ``order=1``, after Wagtail's): these records are never deleted in bulk, and the
    confirmation page would list records outside the user's scope."""

    class NoBulkDelete(SnippetBulkAction):
        display_name = _("Delete")
        action_type = "delete"
        aria_label = _("Delete")

        def dispatch(self, request, *args, **kwargs):
            raise Http404

    NoBulkDelete.models = list(models)
    NoBulkDelete.__name__ = NoBulkDelete.__qualname__ = "NoBulkDelete" + "".join(
        model.__name__ for model in models
    )
    return NoBulkDelete

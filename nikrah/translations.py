"""Translating a page is editing it in another language, under the same rules.

Each language is its own page tree in Wagtail: permissions granted on a page do not cover
its translations. When a page is translated, its translation gets the same group page
permissions, so that a charity's editors keep their rights in every language.

wagtail-localize lets only holders of its global "submit translation" permission start a
translation, of any page, and its translation editor knows no workflows. Here whoever may
edit a page may translate it, and submits the translation for review from the translation
editor like any other change; the page's committee publishes it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.widgets import ListingButton
from wagtail.models import GroupPagePermission, Locale, WorkflowState
from wagtail.signals import copy_for_translation_done
from wagtail_localize.components import TranslationComponentManager
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
SUBMIT_FOR_REVIEW = "nikrah-submit-translation"


def copy_page_permissions(sender, source_obj, target_obj, **kwargs):
    for permission in GroupPagePermission.objects.filter(page_id=source_obj.pk):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page_id=target_obj.pk, permission=permission.permission
        )


def connect():
    copy_for_translation_done.connect(copy_page_permissions, dispatch_uid="nikrah_page_perms")


def can_translate(user, page):
    """Platform translators translate anything; everyone else what they may edit."""
    if page.is_root():
        return False
    return user.has_perm(SUBMIT_TRANSLATION) or page.permissions_for_user(user).can_edit()


def untranslated_locales(page):
    taken = page.get_translations(inclusive=True).filter(alias_of__isnull=True)
    return Locale.objects.exclude(pk__in=taken.values("locale_id"))


def translate_button(page, user, next_url=None, view_name=None):
    """ "Translate this page" in the page's header, for editors, who hold no global
    permission (wagtail-localize shows its own button to those who do). Only in the header:
    in the explorer's listing it would cost a query per row."""
    if user.has_perm(SUBMIT_TRANSLATION) or not can_translate(user, page):
        return
    if untranslated_locales(page).exists():
        yield ListingButton(
            _("Translate this page"),
            SubmitTranslationView.url_for(page.alias_of_id or page.pk),
            priority=60,
            icon_name="wagtail-localize-language",
        )


class SubmitTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "Translate page" screen, opened to whoever may edit the page."""

    @staticmethod
    def url_for(page_id):
        return reverse("wagtail_localize:submit_page_translation", args=[page_id])

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not can_translate(request.user, self.object):
            raise PermissionDenied
        self.components = TranslationComponentManager.from_request(
            request, source_object_instance=self.object
        )
        # The parent's dispatch would check the global permission again.
        return TemplateView.dispatch(self, request, *args, **kwargs)


def translation_being_edited(page):
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def submit_translation_for_review(request, page, translation):
    """Writes the translated texts into a new revision of the page and starts the page's
    workflow on it, or resumes it where the committee asked for changes: what Wagtail's
    editor does on «Submit for review». (wagtail-localize writes the page only when it
    publishes, which editors may not do.)"""
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    state = page.current_workflow_state
    total, translated = translation.get_progress()
    if workflow is None:
        messages.error(request, _("No committee reviews this page, so it cannot be submitted."))
    elif state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        messages.warning(request, _("This translation is already waiting for review."))
    elif not translated:
        messages.error(request, _("Translate the page's texts before submitting it."))
    else:
        try:
            translation.save_target(user=request.user, publish=False)
        except ValidationError:
            messages.error(request, _("Some translated texts are not valid: correct them."))
            return redirect("wagtailadmin_pages:edit", page.pk)
        page.refresh_from_db()
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
        else:
            workflow.start(page, request.user)
        messages.success(
            request,
            _("The translation “%(title)s” was submitted for review.")
            % {"title": page.get_admin_display_title()},
        )
        if translated < total:
            messages.warning(
                request,
                _("%(left)s of %(total)s texts are not translated: they stay as in the original.")
                % {"left": total - translated, "total": total},
            )
    return redirect("wagtailadmin_pages:edit", page.pk)

"""Comment moderation in the Wagtail admin. The cultural & networking committee sees every
comment; a charity's editors see those on their own charity's news; nobody else sees any.
Every view is scoped, not only the listing: another charity's comment is a 404."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import (
    EditView,
)

from newsroom.models import Comment
from newsroom.moderation import moderate
from nikrah.admin_scoping import (
    ScopedBulkActionMixin,
    ScopedIndexView,
    ScopedObjectMixin,
    ScopedSnippetViewSet,
)


class CommentPermissionPolicy(BasePermissionPolicy):
    """Moderators may view and change (moderate) the comments in their scope; only platform
    admins delete, and nobody adds comments from the admin."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return action != "add"
        if action not in ("view", "change"):
            return False
        return Comment.objects.for_moderator(user).exists() or self._is_moderator(user)

    def _is_moderator(self, user):
        from charities.services import charities_of
        from workinggroups.models import Committee

        return (
            Committee.objects.filter(kind=Committee.Kind.CULTURE, group__user=user).exists()
            or charities_of(user).exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and Comment.objects.for_moderator(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self.user_has_permission(user, action) for action in actions):
            return Comment.objects.for_moderator(user)
        return Comment.objects.none()


class CommentIndexView(ScopedIndexView):
    @property
    def bulk_actions(self):
        actions = (ApproveCommentsBulkAction, RejectCommentsBulkAction, SpamCommentsBulkAction)
        if self.permission_policy.user_has_permission(self.request.user, "delete"):
            actions += (DeleteCommentsBulkAction,)
        return actions

    def get_base_queryset(self):
        return (
            Comment.objects.for_moderator(self.request.user)
            .select_related("page", "page__charity")
            .order_by("-created_at")
        )


class CommentEditView(ScopedObjectMixin, EditView):
    def save_instance(self):
        comment = Comment.objects.get(pk=self.object.pk)
        moderate([comment], self.form.cleaned_data["status"], user=self.request.user)
        return comment


class CommentViewSet(ScopedSnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    inspect_view_enabled = True
    inspect_view_fields = ["page", "parent", "name", "email", "text", "status", "created_at"]
    list_display = [
        Column("text", label=_("Comment"), accessor=lambda comment: comment.text[:80]),
        "name",
        "page",
        "status",
        "created_at",
    ]
    list_filter = ["status", "created_at"]
    search_fields = ["text", "name", "email"]
    list_per_page = 50
    panels = [FieldPanel("status")]


class CommentBulkAction(ScopedBulkActionMixin, SnippetBulkAction):
    """Approve, reject or mark as spam many comments at once."""

    models = [Comment]
    status = None
    template_name = "newsroom/bulk_actions/confirm_moderation.html"

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderate(objects, cls.status, user=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment updated.", "%(count)d comments updated.", num_parent_objects
        ) % {"count": num_parent_objects}


class ApproveCommentsBulkAction(CommentBulkAction):
    display_name = _("Approve")
    action_type = "approve_comments"
    aria_label = _("Approve the selected comments")
    status = Comment.Status.APPROVED
    action_priority = 10


class RejectCommentsBulkAction(CommentBulkAction):
    display_name = _("Reject")
    action_type = "reject_comments"
    aria_label = _("Reject the selected comments")
    status = Comment.Status.REJECTED
    action_priority = 20


class SpamCommentsBulkAction(CommentBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam_comments"
    aria_label = _("Mark the selected comments as spam")
    status = Comment.Status.SPAM
    action_priority = 30


class DeleteCommentsBulkAction(ScopedBulkActionMixin, DeleteBulkAction):
    """Wagtail's bulk delete (platform admins only), finding only comments in scope."""

    models = [Comment]

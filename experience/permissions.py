"""Who sees and changes volunteers' hours and certificates in the Wagtail admin."""

from wagtail.permission_policies.base import BasePermissionPolicy

from opportunities.models import Application


class ExperiencePermissionPolicy(BasePermissionPolicy):
    """A charity's editors (and platform admins) see, record and confirm hours, and issue
    and revoke certificates, for their own charities' applications. Nobody deletes either:
    hours are rejected and certificates revoked instead, and the record of it is kept."""

    allowed_actions = ("view", "add", "change")

    def user_has_permission(self, user, action):
        if action not in self.allowed_actions or not (user.is_authenticated and user.is_active):
            return False
        return Application.objects.is_reviewer(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.model.objects.for_reviewer(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self.user_has_permission(user, action) for action in actions):
            return self.model.objects.for_reviewer(user)
        return self.model.objects.none()

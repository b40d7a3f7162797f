"""Admin pieces of joining the network: the executive committee's membership requests, the
invitations trusted members send, and their audit log actions. (The charities listing and
profile provisioning are in ``charities.admin_hooks``.)"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from charities import demo, membership
from charities.models import Invitation, MembershipRequest
from charities.search import charities_kind
from charities.views.invitations import InvitationPermissionPolicy, InvitationViewSet
from charities.views.review import MembershipRequestPermissionPolicy, MembershipRequestViewSet
from nikrah.demo import DEMO_CONTENT_HOOK, DemoContent
from nikrah.search.kinds import SEARCH_KIND_HOOK

# Membership requests

register_permission_policy(MembershipRequest, MembershipRequestPermissionPolicy(MembershipRequest))


@hooks.register("register_admin_viewset")
def register_membership_request_viewset():
    return MembershipRequestViewSet("membership-requests")


@hooks.register("register_log_actions")
def register_membership_request_actions(actions):
    actions.register_action(
        membership.APPROVED, _("Approve membership request"), _("Membership request approved")
    )

    @actions.register_action(membership.DECLINED)
    class DeclinedFormatter(LogFormatter):
        label = _("Decline membership request")
        message = _("Membership request declined")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")


# Invitations

register_permission_policy(Invitation, InvitationPermissionPolicy(Invitation))


@hooks.register("register_admin_viewset")
def register_invitation_viewset():
    return InvitationViewSet("invitations")


@hooks.register("register_log_actions")
def register_invitation_actions(actions):
    actions.register_action(membership.INVITATION_SENT, _("Send invitation"), _("Invitation sent"))


# This app's part of the demo content (see nikrah.demo).
@hooks.register(DEMO_CONTENT_HOOK)
def charities_demo():
    return DemoContent(order=20, load=demo.load, accounts=tuple(demo.ACCOUNTS))


hooks.register(SEARCH_KIND_HOOK, charities_kind)

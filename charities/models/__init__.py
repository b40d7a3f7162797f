from charities.models.charity import Charity
from charities.models.membership import Invitation, MembershipDocument, MembershipRequest
from charities.models.pages import (
    CharityGalleryImage,
    CharityIndexPage,
    CharityPage,
    CharitySocialLink,
    JoinPage,
)
from charities.models.reference import City, Province, Theme

__all__ = [
    "Charity",
    "CharityGalleryImage",
    "CharityIndexPage",
    "CharityPage",
    "CharitySocialLink",
    "City",
    "Invitation",
    "JoinPage",
    "MembershipDocument",
    "MembershipRequest",
    "Province",
    "Theme",
]

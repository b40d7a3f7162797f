from workinggroups.models.committees import Committee
from workinggroups.models.pages import (
    ProjectPage,
    ProjectUpdate,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from workinggroups.models.tasks import CommitteeReviewTask

__all__ = [
    "Committee",
    "CommitteeReviewTask",
    "ProjectPage",
    "ProjectUpdate",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
]

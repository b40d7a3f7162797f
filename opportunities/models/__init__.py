from opportunities.models.applications import Application
from opportunities.models.pages import (
    OpportunityIndexPage,
    OpportunityPage,
    TaggedOpportunitySkill,
)
from opportunities.models.volunteers import Availability, Skill, TaggedSkill, VolunteerProfile

__all__ = [
    "Application",
    "Availability",
    "OpportunityIndexPage",
    "OpportunityPage",
    "Skill",
    "TaggedOpportunitySkill",
    "TaggedSkill",
    "VolunteerProfile",
]

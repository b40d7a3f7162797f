from opportunities.models.volunteers import Availability, Skill, TaggedSkill, VolunteerProfile

__all__ = ["Availability", "Skill", "TaggedSkill", "VolunteerProfile"]

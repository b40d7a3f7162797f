from experience.models.certificates import Certificate
from experience.models.hours import HoursEntry

__all__ = ["Certificate", "HoursEntry"]

"""Hours and certificates have no bulk delete: Wagtail's is replaced by one that refuses."""

from experience.models import Certificate, HoursEntry
from nikrah.admin_scoping import no_bulk_delete

#: Hours and certificates are never deleted, in bulk or otherwise.
NoDeleteBulkAction = no_bulk_delete(HoursEntry, Certificate)

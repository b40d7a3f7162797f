"""Bulk actions on the hours listing (confirm, reject) and the bulk delete that hours and
certificates do not have, one module each."""

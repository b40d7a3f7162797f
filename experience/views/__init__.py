"""Views of the experience app.

On the site: «My hours» (``my_hours``), the résumé (``resume``) and what anyone checking a
certificate opens (``verification``). In the Wagtail admin, for the charities' editors and
platform admins: hours (``hours``), certificates (``certificates``), the report of each
volunteer's totals (``report``), the bulk actions on hours (``bulk_actions``) and what these
screens share (``base``)."""

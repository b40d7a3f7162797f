"""Views of the experience app. On the site: «My hours» (``my_hours``), the résumé
(``resume``) and what anyone checking a certificate opens (``verification``). In the Wagtail
admin, where charities confirm hours and issue certificates: ``admin_views``."""

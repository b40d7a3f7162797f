"""Views of the charities app: the public membership request form (``join``), the admin
screens where the executive committee reviews requests (``review``) and trusted members
invite associations (``invitations``), and the download of a charity's records
(``records``)."""

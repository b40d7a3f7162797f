"""Views of the charities app: the public membership request form (``join``), and the admin
screens where the executive committee reviews requests (``review``) and trusted members
invite associations (``invitations``)."""

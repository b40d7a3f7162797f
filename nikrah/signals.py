"""Signals for what concerns every app, sent by one app and received by any other without
either importing the other."""

from django.dispatch import Signal

#: Sent once a volunteer's account is closed (``opportunities.accounts``), inside the same
#: transaction: a receiver's error undoes the deletion. With ``user`` (already anonymous),
#: ``addresses`` (the e-mail addresses the person had verified, no longer on the account) and
#: ``choices`` (what they answered on the deletion page to the questions apps added there,
#: ``opportunities.forms.ACCOUNT_DELETION_CHOICE_HOOK``, by field name). Each receiver
#: erases what its own app holds about the person.
volunteer_account_deleted = Signal()

"""Signals of the opportunities app, for apps that act on what happens to applications
without this app knowing them."""

from django.dispatch import Signal

#: Sent with ``application`` once the charity has marked it completed (the volunteer took
#: part), inside the transaction that completes it: a receiver's error undoes it all.
application_completed = Signal()

#: Sent with ``user`` and ``choices`` once a volunteer's account is closed and what this app
#: holds about them is erased, inside the same transaction (an error undoes the deletion).
#: ``choices`` holds what the volunteer answered on the deletion page to the questions apps
#: added there (``opportunities.forms.ACCOUNT_DELETION_CHOICE_HOOK``), by field name.
#: Receivers erase what their own app holds about the person.
volunteer_account_deleted = Signal()

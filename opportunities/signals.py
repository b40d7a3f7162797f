"""Signals of the opportunities app, for apps that act on what happens to applications
without this app knowing them."""

from django.dispatch import Signal

#: Sent with ``application`` once the charity has marked it completed (the volunteer took
#: part), inside the transaction that completes it: a receiver's error undoes it all.
application_completed = Signal()

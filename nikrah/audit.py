"""The audit log forgets a person without forgetting what happened.

Wagtail stores with each log entry the object's name as it was then (its ``label``, e.g. an
application's «نرگس احمدی → قصه‌گو») and sometimes free text in its ``data`` (a message to
the volunteer). When a person's data is erased, their records' entries keep their action,
time and author but take a label that names nobody, and lose that free text.
"""

from django.conf import settings
from django.utils import translation
from wagtail.log_actions import registry as log_registry


def relabel_log_entries(instances, label=str, *, forget_data=()):
    """Give every audit-log entry of each of ``instances`` the label ``label(instance)``
    (written in the site's default language, as labels are stored once) and empty the keys
    ``forget_data`` of their data."""
    with translation.override(settings.LANGUAGE_CODE):
        for instance in instances:
            entries = log_registry.get_logs_for_instance(instance)
            entries.update(label=label(instance))
            if not forget_data:
                continue
            for entry in entries.only("data"):
                if any(entry.data.get(key) for key in forget_data):
                    entry.data = {**entry.data, **dict.fromkeys(forget_data, "")}
                    entry.save(update_fields=["data"])

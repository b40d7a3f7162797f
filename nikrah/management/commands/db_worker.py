"""The background task worker, quiet by default: django-tasks-db's own worker logs every
task it starts and finishes at its default verbosity, which buries the e-mails and the
server's lines in a terminal; here it reports only what needs attention (failures,
retries, lost tasks). ``--verbosity 2`` still shows everything."""

import logging

from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker


class Command(db_worker.Command):
    def configure_logging(self, verbosity):
        super().configure_logging(verbosity)
        if verbosity == 1:
            logging.getLogger(TASKS_LOGGER).setLevel(logging.WARNING)
            db_worker.logger.setLevel(logging.WARNING)

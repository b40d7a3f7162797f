"""The background task worker: django-tasks-db's, quiet by default and keeping leases.

django-tasks-db's own worker logs every task it starts and finishes at its default verbosity,
which buries the e-mails and the server's lines in a terminal; here it reports only what needs
attention (failures, retries, lost tasks). ``--verbosity 2`` still shows everything.

Every worker also queues again the tasks of workers that died in the middle of them
(``nikrah.task_leases``): a lasting worker looks in a thread while it runs, a ``--batch`` run
once before it starts. Nothing else needs to run for it in production.
"""

import logging

from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from nikrah.task_leases import leases_kept, requeue_lost_tasks


class Command(db_worker.Command):
    def configure_logging(self, verbosity):
        super().configure_logging(verbosity)
        if verbosity == 1:
            logging.getLogger(TASKS_LOGGER).setLevel(logging.WARNING)
            db_worker.logger.setLevel(logging.WARNING)

    def handle(self, *args, **options):
        if options["batch"]:
            requeue_lost_tasks()
            return super().handle(*args, **options)
        with leases_kept():
            return super().handle(*args, **options)

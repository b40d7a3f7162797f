"""A task found running past its lease has lost its worker: it is queued again, once.

django-tasks-db marks a task RUNNING when a worker takes it, and records the outcome when the
task ends. A worker killed in between (out of memory, SIGKILL, a machine lost) leaves the task
RUNNING for ever, and no other worker would take it again. So every worker (``manage.py
db_worker``) looks for tasks taken more than ``NIKRAH_TASK_LEASE`` seconds ago and puts each
back in the queue with one conditional UPDATE on the very claim it saw: however many workers
look at the same moment, one of them wins, and the task is queued again once per death. A task
already queued again ``NIKRAH_TASK_MAX_REQUEUES`` times (it kills its worker every time) is
marked failed instead, with the reason, rather than looping for ever.

The lease must be longer than any task can run while its worker lives, or a slow task would
run twice; an e-mail takes at most a few ``EMAIL_TIMEOUT`` periods.
"""

import logging
import threading
import traceback
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The error recorded on a task given up because its worker died each time it ran it."""


def requeue_lost_tasks():
    """Queue again each task running past its lease, or give it up after too many deaths.

    Returns the ids of the tasks this call queued again and of those it gave up.
    """
    now = timezone.now()
    lease = timedelta(seconds=settings.NIKRAH_TASK_LEASE)
    lost = DBTaskResult.objects.running().filter(started_at__lt=now - lease)
    requeued, given_up = [], []
    for task in lost.only("id", "task_path", "started_at", "worker_ids"):
        # Only the claim seen here: once another worker has queued the task again (and
        # perhaps a worker has taken it since), this matches nothing.
        claim = DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        )
        runs = len(task.worker_ids)
        if runs <= settings.NIKRAH_TASK_MAX_REQUEUES:
            if claim.update(status=TaskResultStatus.READY):
                requeued.append(task.pk)
                logger.warning(
                    "Task %s (%s) was still running %s after worker %s took it: the worker "
                    "must have died. Queued again (%d of %d).",
                    task.pk,
                    task.task_path,
                    now - task.started_at,
                    task.worker_ids[-1],
                    runs,
                    settings.NIKRAH_TASK_MAX_REQUEUES,
                )
            continue
        error = WorkerLost(
            f"Its worker died each of the {runs} times it ran the task "
            f"(workers {', '.join(task.worker_ids)}); given up."
        )
        given_up_now = claim.update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            traceback="".join(traceback.format_exception(error)),
        )
        if given_up_now:
            given_up.append(task.pk)
            logger.error("Task %s (%s) given up: %s", task.pk, task.task_path, error)
    return requeued, given_up


@contextmanager
def leases_kept():
    """While the block runs, look for lost tasks at once and then every tenth of the lease,
    in a thread of its own, so that a worker busy with a long task still rescues others'."""
    stop = threading.Event()

    def keep():
        while True:
            try:
                requeue_lost_tasks()
            except Exception:
                # The database may be away for a moment; look again next time.
                logger.exception("Could not look for tasks whose worker died")
            finally:
                connections.close_all()
            if stop.wait(settings.NIKRAH_TASK_LEASE / 10):
                return

    keeper = threading.Thread(target=keep, name="task leases", daemon=True)
    keeper.start()
    try:
        yield
    finally:
        stop.set()
        keeper.join()

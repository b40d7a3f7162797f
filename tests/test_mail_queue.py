"""Finding 4 of the security review: a mail server that never answered stopped all mail (no
EMAIL_TIMEOUT), and a worker killed during a delivery left that task «running» for ever.
Mail never blocks now, and a task whose worker died is queued again, once."""

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing, contextmanager
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nikrah.mail import deliver_email
from nikrah.task_leases import WorkerLost, requeue_lost_tasks
from opportunities.factories import VolunteerFactory
from tests.test_application_emails import DATABASE_TASKS

ROOT = Path(__file__).resolve().parent.parent
QUICK_WORKER = ["--no-reload", "--no-startup-delay", "--interval", "0.1", "--skip-checks"]
DEAD_WORKERS_TIME = timedelta(minutes=11)  # past the default lease of ten minutes


def free_port():
    with closing(socket.create_server(("127.0.0.1", 0))) as probe:
        return probe.getsockname()[1]


class MailServer:
    """An SMTP server's handler (aiosmtpd) that keeps the messages it accepts. Told to, it
    stalls on the next message once it has received it all, before it says it accepts it
    (a message is the server's only once it has answered 250), or on every goodbye."""

    def __init__(self):
        self.accepted = []
        self.arrived = threading.Event()
        self.stall_next = False
        self.stalled = threading.Event()
        self.stall_goodbye = False

    async def handle_DATA(self, server, session, envelope):
        if self.stall_next:
            self.stall_next = False
            self.stalled.set()
            await asyncio.Event().wait()  # until the sender's connection drops
        self.accepted.append(envelope)
        self.arrived.set()
        return "250 Message accepted for delivery"

    async def handle_QUIT(self, server, session, envelope):
        if self.stall_goodbye:
            await asyncio.Event().wait()
        return "221 Bye"


@pytest.fixture
def mail_server():
    handler = MailServer()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.port = controller.port
    yield handler
    controller.stop()


@pytest.fixture
def silent_mail_server():
    """The port of a mail server that takes the connection and never says a word."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield listener.getsockname()[1]


class WorkerDatabase:
    """The test database, reached by worker processes through ``url``. PostgreSQL's is
    shared as it is; SQLite's lives in this process's memory, so ``hand_over`` copies it to
    a file for the workers and ``take_back`` copies their work back."""

    def __init__(self, directory):
        if connection.vendor == "sqlite":
            self.file = directory / "db.sqlite3"
            self.url = f"sqlite:///{self.file}"
        else:
            self.file = None
            parts = {
                key: quote(str(value or ""), safe="")
                for key, value in connection.settings_dict.items()
                if key in {"USER", "PASSWORD", "HOST", "PORT", "NAME"}
            }
            self.url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**parts)

    def hand_over(self):
        if self.file:
            connection.ensure_connection()
            with closing(sqlite3.connect(self.file)) as copy:
                connection.connection.backup(copy)

    def take_back(self):
        if self.file:
            with closing(sqlite3.connect(self.file)) as copy:
                copy.backup(connection.connection)


@pytest.fixture
def worker_database(tmp_path):
    return WorkerDatabase(tmp_path)


@contextmanager
def worker(name, database, mail_server, log_directory, **environment):
    """``manage.py db_worker`` in a process of its own, as production runs it; stopped as
    systemd stops it (SIGTERM: it finishes the task in hand) when the block ends."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nikrah.settings.dev",
        "DATABASE_URL": database.url,
        "EMAIL_URL": f"smtp://127.0.0.1:{mail_server.port}",
        **environment,
    }
    log = log_directory / f"{name}.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--worker-id", name, *QUICK_WORKER],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    process.log = log
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# Workers in other processes, and the worker below in this one, see only what is committed;
# like every such test here, these put back what migrations wrote.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@committed
def test_a_worker_killed_in_the_middle_of_a_delivery_leaves_it_to_the_next_worker(
    client, settings, mail_server, worker_database, tmp_path
):
    """Finding 4 of the security review: a worker killed during a delivery left the task
    «running» for ever. The first worker is killed (SIGKILL) while the mail server holds its
    delivery; the next worker finds the task past its lease, queues it again and delivers
    it: the message arrives exactly once."""
    volunteer = VolunteerFactory()
    settings.TASKS = DATABASE_TASKS
    response = client.post("/account/password/reset/", {"email": volunteer.email})
    assert response.status_code == 302
    [email] = DBTaskResult.objects.filter(task_path="nikrah.mail.deliver_email")
    worker_database.hand_over()

    mail_server.stall_next = True
    with worker("first", worker_database, mail_server, tmp_path) as first:
        assert mail_server.stalled.wait(timeout=60), first.log.read_text()
        first.kill()
        first.wait()
    assert mail_server.accepted == []

    # A short lease, so that the test need not wait ten minutes for it.
    with worker("second", worker_database, mail_server, tmp_path, NIKRAH_TASK_LEASE="1") as second:
        assert mail_server.arrived.wait(timeout=60), second.log.read_text()
    assert second.returncode == 0, second.log.read_text()
    assert "must have died. Queued again" in second.log.read_text()

    worker_database.take_back()
    email.refresh_from_db()
    assert email.status == "SUCCESSFUL"
    assert email.worker_ids == ["first", "second"]
    assert DBTaskResult.objects.filter(task_path="nikrah.mail.deliver_email").count() == 1
    [message] = mail_server.accepted
    assert message.rcpt_tos == [volunteer.email]
    assert b"password" in message.original_content.lower()


@committed
def test_a_mail_server_that_never_answers_fails_the_delivery_in_time_and_it_is_retried(
    settings, silent_mail_server
):
    """Finding 4 of the security review: a mail server that never answered held the worker
    for ever. EMAIL_TIMEOUT reaches the SMTP connection: the attempt fails in time and the
    message is queued again for later."""
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent_mail_server
    settings.EMAIL_TIMEOUT = 1
    deliver_email.enqueue(["volunteer@example.org"], "Your application", "Accepted.")

    started = time.monotonic()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert time.monotonic() - started < 10

    failed = DBTaskResult.objects.get(status="FAILED")
    assert "timed out" in failed.traceback
    retry = DBTaskResult.objects.get(status="READY")
    recipients, subject, _body, _html, attempt = retry.args_kwargs["args"]
    assert (recipients, subject, attempt) == (["volunteer@example.org"], "Your application", 2)
    assert retry.run_after > timezone.now() + timedelta(seconds=30)


def test_a_message_the_server_accepted_is_not_sent_again_when_its_goodbye_times_out(
    settings, mail_server
):
    """Finding 4 of the security review (never sent twice): a retry sends the message
    again, so only a delivery the server did not accept may fail, however long the server
    then takes to hang up."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", mail_server.port
    settings.EMAIL_TIMEOUT = 1
    mail_server.stall_goodbye = True

    deliver_email.enqueue(["volunteer@example.org"], "Your application", "Accepted.")

    [message] = mail_server.accepted
    assert message.rcpt_tos == ["volunteer@example.org"]


def lost_task(since, worker_ids):
    """An e-mail task a worker took ``since`` ago and never finished."""
    result = deliver_email.enqueue(["volunteer@example.org"], "Your certificate", "Issued.")
    task = DBTaskResult.objects.get(pk=result.id)
    task.status = "RUNNING"
    task.started_at = timezone.now() - since
    task.worker_ids = worker_ids
    task.save()
    return task


@committed
def test_a_batch_worker_rescues_a_lost_delivery_and_gives_up_a_task_that_kills_its_worker(
    settings, mailoutbox
):
    """Finding 4 of the security review: a worker looks for lost tasks before it runs a
    batch. A task that killed its worker three times is not run a fourth; one within its
    lease may be slow, not lost."""
    settings.TASKS = DATABASE_TASKS
    lost = lost_task(DEAD_WORKERS_TIME, ["w1"])
    deadly = lost_task(DEAD_WORKERS_TIME, ["w1", "w2", "w3"])  # died each of three times
    slow = lost_task(timedelta(minutes=9), ["w4"])  # within its lease: still its worker's

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    lost.refresh_from_db()
    assert lost.status == "SUCCESSFUL"
    assert [message.to for message in mailoutbox] == [["volunteer@example.org"]]
    deadly.refresh_from_db()
    assert deadly.status == "FAILED"
    [error] = deadly.task_result.errors
    assert error.exception_class is WorkerLost
    assert "died each of the 3 times it ran the task (workers w1, w2, w3)" in error.traceback
    slow.refresh_from_db()
    assert (slow.status, slow.worker_ids) == ("RUNNING", ["w4"])


@pytest.mark.postgres
@committed
def test_a_lost_task_is_queued_again_once_however_many_workers_look_at_once(settings):
    """Finding 4 of the security review: eight workers find the same lost tasks at the same
    moment; each task is queued again by one of them only."""
    settings.TASKS = DATABASE_TASKS
    lost = {lost_task(DEAD_WORKERS_TIME, ["gone"]).pk for _ in range(5)}
    start = threading.Barrier(8)
    requeued = []

    def look():
        start.wait()
        try:
            requeued.extend(requeue_lost_tasks()[0])
        finally:
            connection.close()

    workers = [threading.Thread(target=look) for _ in range(8)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()

    assert sorted(requeued) == sorted(lost)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"READY"}

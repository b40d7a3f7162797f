"""`make run` is calm: the task worker reports only what needs attention, and the closing
banner, printed once the site answers, names the site and every demo account."""

import io
import logging

import pytest
from django.core.management import call_command
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands.db_worker import logger as worker_logger

from nikrah.management.commands.db_worker import Command as Worker
from nikrah.management.commands.load_demo import listed_accounts
from opportunities import demo as opportunities_demo


def test_the_worker_reports_failures_but_not_every_task():
    # Levels, not isEnabledFor: other tests may switch logging off for the whole process.
    Worker(stdout=io.StringIO()).configure_logging(verbosity=1)
    for logger in (logging.getLogger(TASKS_LOGGER), worker_logger):
        assert logger.getEffectiveLevel() == logging.WARNING  # failures and retries only
    Worker(stdout=io.StringIO()).configure_logging(verbosity=2)
    assert logging.getLogger(TASKS_LOGGER).getEffectiveLevel() == logging.DEBUG


# A live server commits; like every such test here, it puts back what migrations wrote.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_banner_comes_when_the_site_answers_and_names_every_demo_account(live_server):
    out = io.StringIO()
    call_command("demo_banner", live_server.url + "/", timeout=30, stdout=out)
    banner = out.getvalue()
    assert f"{live_server.url}/admin/" in banner
    accounts = banner.partition("Demo accounts")[2].splitlines()[1:]
    listed = {line.split()[0] for line in accounts if line.strip()}
    assert {"admin", "editor1", "exec1", "culture1", "edu1"} <= listed
    assert {"volunteer1", "volunteer2", "volunteer3"} <= listed
    assert {username for username, _description in listed_accounts()} == listed


def test_every_applicant_the_demo_creates_is_listed():
    listed = {username for username, _description in listed_accounts()}
    assert {row[0] for row in opportunities_demo.APPLICANTS} <= listed

"""What `make run` prints once the site answers and the task worker has sent what the
demo queued (its e-mails): where the site is and who can sign in, as the last lines."""

import time
import urllib.error
import urllib.request

from django.core.management.base import BaseCommand, CommandError
from django_tasks_db.models import DBTaskResult

from nikrah.management.commands.load_demo import write_accounts


class Command(BaseCommand):
    help = "Wait for the development server and the task worker, then list addresses and accounts."

    def add_arguments(self, parser):
        parser.add_argument("url", help="the site's address, such as http://127.0.0.1:8000/")
        parser.add_argument("--timeout", type=float, default=120, help="seconds to wait")

    def handle(self, *args, url, timeout, **options):
        deadline = time.monotonic() + timeout
        while not (self.answers(url) and self.worker_caught_up()):
            if time.monotonic() > deadline:
                raise CommandError(f"{url} did not answer within {timeout:.0f} seconds.")
            time.sleep(0.5)
        site = url.rstrip("/")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("  Nikrah is running."))
        self.stdout.write(f"  Site:   {site}/      (English: {site}/en/)")
        self.stdout.write(f"  Admin:  {site}/admin/")
        self.stdout.write(
            "  E-mails are printed here by the task worker that runs beside the server."
        )
        write_accounts(self.stdout)
        self.stdout.write("")

    @staticmethod
    def worker_caught_up():
        return not DBTaskResult.objects.ready().exists()

    @staticmethod
    def answers(url):
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except urllib.error.HTTPError:
            return True  # it answered, even if with an error page
        except OSError:
            return False

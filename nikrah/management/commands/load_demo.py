import io

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from nikrah.demo import DEMO_PASSWORD, demo_contents, ensure_user

ADMIN_ACCOUNT = ("admin", "platform admin (superuser)")


def listed_accounts():
    """Every demo account, the platform admin first, then each app's in the demo's order."""
    return [ADMIN_ACCOUNT] + [account for step in demo_contents() for account in step.accounts]


def write_accounts(stdout):
    stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
    for username, description in listed_accounts():
        stdout.write(f"  {username:<12} {description}")


class Command(BaseCommand):
    help = (
        "Load Nikrah's Persian demo content and demo accounts. Safe to run again: "
        "it only adds what is missing."
    )

    def handle(self, *args, **options):
        self.load()
        # The index is kept by tasks as pages are published; built here too, so that the
        # demo is searchable before a worker has run and after the index's spelling changed.
        call_command("update_index", stdout=io.StringIO())
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        write_accounts(self.stdout)

    @transaction.atomic
    def load(self):
        self.stdout.write("Loading Nikrah demo content…")
        username = ADMIN_ACCOUNT[0]
        _user, created = ensure_user(
            username, email=f"{username}@nikrah.localhost", is_staff=True, is_superuser=True
        )
        if created:
            self.stdout.write(f"  account: {username}")

        home = Site.objects.select_related("root_page").get(is_default_site=True).root_page
        home = home.specific
        for step in demo_contents():
            step.load(home, self.stdout)

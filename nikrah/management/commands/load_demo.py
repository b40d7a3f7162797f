from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from charities import demo as charities_demo
from experience import demo as experience_demo
from home import demo as home_demo
from newsroom import demo as newsroom_demo
from nikrah.demo import DEMO_PASSWORD, ensure_user
from opportunities import demo as opportunities_demo
from workinggroups import demo as workinggroups_demo

DEMO_ACCOUNTS = [
    # (username, description, flags)
    ("admin", "platform admin (superuser)", {"is_staff": True, "is_superuser": True}),
]
LISTED_ACCOUNTS = [(username, description) for username, description, _flags in DEMO_ACCOUNTS] + [
    *charities_demo.ACCOUNTS,
    *workinggroups_demo.ACCOUNTS,
    *opportunities_demo.ACCOUNTS,
]


class Command(BaseCommand):
    help = (
        "Load Nikrah's Persian demo content and demo accounts. Safe to run again: "
        "it only adds what is missing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write("Loading Nikrah demo content…")
        for username, _description, flags in DEMO_ACCOUNTS:
            _user, created = ensure_user(username, email=f"{username}@nikrah.localhost", **flags)
            if created:
                self.stdout.write(f"  account: {username}")

        site = Site.objects.select_related("root_page").get(is_default_site=True)
        home = home_demo.load(site, self.stdout)
        charities_demo.load(home, self.stdout)
        workinggroups_demo.load(home, self.stdout)
        newsroom_demo.load(home, self.stdout)
        home_demo.load_feedback_form(home, self.stdout)
        opportunities_demo.load(home, self.stdout)
        opportunities_demo.load_opportunities(home, self.stdout)
        opportunities_demo.load_applications(home, self.stdout)
        experience_demo.load(home, self.stdout)

        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        write_accounts(self.stdout)


def write_accounts(stdout):
    stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
    for username, description in LISTED_ACCOUNTS:
        stdout.write(f"  {username:<12} {description}")

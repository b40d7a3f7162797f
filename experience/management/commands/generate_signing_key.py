from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from experience.credentials import generate_key_text, public_key_text, signing_key


class Command(BaseCommand):
    help = (
        "Print a new Ed25519 private key for signing certificates, as the base64url text that "
        "NIKRAH_SIGNING_KEY takes. Only the key is printed, so the output can be redirected to "
        "a file; keep it secret. To rotate the key: run this command with --public and add "
        "what it prints to NIKRAH_RETIRED_PUBLIC_KEYS (so certificates signed with the old key "
        "still verify), then set NIKRAH_SIGNING_KEY to a new key."
    )
    # Making a key depends on nothing in the site, so it works before the site is set up.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--public",
            action="store_true",
            help=(
                "Print the public key of the configured NIKRAH_SIGNING_KEY instead, for "
                "NIKRAH_RETIRED_PUBLIC_KEYS when rotating."
            ),
        )

    def handle(self, *args, public=False, **options):
        if not public:
            self.stdout.write(generate_key_text())
            return
        try:
            self.stdout.write(public_key_text(signing_key().public_key()))
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error

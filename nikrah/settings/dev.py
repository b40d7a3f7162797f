"""Local development: debug on, a fixed key, e-mails printed to the console."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="nikrah-dev-only-secret-key-not-for-production")
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# `make run` writes a demo signing key here when NIKRAH_SIGNING_KEY is not set.
_DEMO_SIGNING_KEY = BASE_DIR / "var" / "signing-key"
if not env("NIKRAH_SIGNING_KEY", default="") and _DEMO_SIGNING_KEY.exists():
    NIKRAH_SIGNING_KEY = _DEMO_SIGNING_KEY.read_text().strip()

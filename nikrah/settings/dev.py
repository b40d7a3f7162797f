"""Local development: debug on, a fixed key, e-mails printed to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="nikrah-dev-only-secret-key-not-for-production")
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

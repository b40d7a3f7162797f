"""Production: every secret from the environment, HTTPS only, hashed compressed static files.

Required: SECRET_KEY (50+ random characters), ALLOWED_HOSTS, DATABASE_URL,
NIKRAH_SIGNING_KEY (manage.py generate_signing_key).
Optional: EMAIL_URL, EMAIL_TIMEOUT, DEFAULT_FROM_EMAIL, CSRF_TRUSTED_ORIGINS,
SECURE_HSTS_SECONDS, SECURE_SSL_REDIRECT (off when TLS ends at a proxy that redirects itself),
NIKRAH_TASK_LEASE and NIKRAH_TASK_MAX_REQUEUES (task workers; README: services in production),
TRUSTED_PROXIES (the number of reverse proxies in front), CACHE_URL (a cache shared by several
web processes).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import NIKRAH_SIGNING_KEY, SECRET_KEY, env

DEBUG = False

if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value in production "
        '(python -c "import secrets; print(secrets.token_urlsafe(64))").'
    )

if not NIKRAH_SIGNING_KEY:
    raise ImproperlyConfigured(
        "NIKRAH_SIGNING_KEY must be set in production: certificates are signed with it "
        "(python manage.py generate_signing_key makes one; README: rotating the key)."
    )

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint reports each step of every PDF at INFO; only its warnings are news.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes: failed sign-ins and pauses (warnings), not every sign-in.
        "axes": {"level": "WARNING"},
    },
}

"""Settings shared by every environment; values that differ come from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# How many reverse proxies stand in front of the site (0: visitors connect directly). Rate
# limits and sign-in throttling count a visitor under the address the outermost of them saw
# (nikrah.client_address); a wrong number lets visitors choose their address, or lumps them
# all under the proxy's.
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)

INSTALLED_APPS = [
    "home",
    "charities",
    "workinggroups",
    "opportunities",
    "experience",
    "newsroom",
    "nikrah",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Its catalogue translates the "… ago" that Wagtail writes with naturaltime.
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "axes",
    "django_tasks_db",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "nikrah.csp.NonceMiddleware",
    "nikrah.url_values.NoNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "nikrah.admin_digits.PersianAdminDigitsMiddleware",
    # Last, as django-axes asks: it turns a paused sign-in into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nikrah.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "nikrah.wsgi.application"

# SQLite by default so that the quick start needs no server; PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so concurrent writers queue
    # instead of failing with "database is locked" or overbooking.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A database server that does not answer fails the request instead of holding it for
    # minutes (`?connect_timeout=` in DATABASE_URL overrides it).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 10)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's cache (local memory by default). django-allauth's rate limits and Nikrah's own
# (NIKRAH_RATE_LIMITS) are counted in it: with more than one web process, point it at a cache
# they share (redis://…, or dbcache://nikrah_cache after `manage.py createcachetable`).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Persian first (the default, served without a URL prefix), English under /en/.
# LANGUAGE_CODE must be "fa" before the first migrate: the first locale and root page follow it.
LANGUAGE_CODE = "fa"
LANGUAGES = [
    ("fa", _("Persian")),
    ("en", _("English")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The project's own strings, then its Persian completion of the Wagtail admin's catalogue
# (both take precedence over the apps' catalogues).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-wagtail"]
TIME_ZONE = "Asia/Tehran"
USE_I18N = True
USE_TZ = True

# Translations of live pages go through moderation like any other change.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: EMAIL_URL (e.g. smtp+tls://user:password@mail.example.org:587); console by default.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Nikrah <no-reply@nikrah.localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Seconds a mail server may take to answer each step of a delivery: one that never answers
# fails that attempt (queued again later, see nikrah.mail) instead of holding the worker.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)

# Background work (e-mails, Wagtail's reference index) is queued in the database and run by
# `manage.py db_worker`; `make run` starts one beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A task still running this many seconds after a worker took it is taken for lost (its worker
# died) and queued again, at most NIKRAH_TASK_MAX_REQUEUES times (nikrah.task_leases). Keep it
# well above the longest task: an e-mail takes at most a few EMAIL_TIMEOUTs.
NIKRAH_TASK_LEASE = env.int("NIKRAH_TASK_LEASE", default=600)
NIKRAH_TASK_MAX_REQUEUES = env.int("NIKRAH_TASK_MAX_REQUEUES", default=2)

WAGTAIL_SITE_NAME = _("Nikrah")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Wagtail's database search (SQLite FTS5 or PostgreSQL full-text search) with Persian
# normalisation at index and query time: see nikrah.search.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "nikrah.search.backends"}}
# Wagtail checks that pages index its own title fields; ours index the same title,
# normalised (nikrah.search.index.page_search_fields), which the check cannot recognise.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]

# Volunteers (natural persons) sign up and sign in on the public site with django-allauth;
# charity editors and committees use the Wagtail admin's own sign-in.
AUTHENTICATION_BACKENDS = [
    # First: it refuses any sign-in while too many have failed (nikrah.throttling).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3  # links to set a password work for three days
ACCOUNT_ADAPTER = "opportunities.adapter.VolunteerAccountAdapter"
# allauth's limits on what it sends by e-mail (its defaults count per minute). Failed passwords
# are django-axes' to count, per account and per address, on every way in (below).
ACCOUNT_RATE_LIMITS = {
    "login_failed": None,
    "request_login_code": "10/15m/ip,3/15m/key",
    "reset_password": "10/15m/ip,3/15m/key",
}

# Sign-in throttling (django-axes, see nikrah.throttling): AXES_FAILURE_LIMIT wrong passwords
# on one account, or NIKRAH_SIGN_IN_ADDRESS_LIMIT from one address, pause signing in to that
# account or from that address until AXES_COOLOFF_TIME has passed since the latest of them.
# Counts are kept in the database, shared by every web process.
AXES_FAILURE_LIMIT = 5
NIKRAH_SIGN_IN_ADDRESS_LIMIT = 20
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "nikrah.throttling.SignInAttempts"
AXES_USERNAME_CALLABLE = "nikrah.throttling.account_name"
AXES_CLIENT_IP_CALLABLE = "nikrah.throttling.sign_in_address"
AXES_CLIENT_STR_CALLABLE = "nikrah.throttling.describe_attempt"
AXES_LOCKOUT_CALLABLE = "nikrah.throttling.lockout_response"
# Successful sign-ins are not recorded; failed ones are forgotten after the cool-off.
AXES_DISABLE_ACCESS_LOG = True
# The typed account stays out of the request data axes keeps (it has a column of its own).
AXES_SENSITIVE_PARAMETERS = ["username", "login", "ip_address"]
# The Django admin is not served: platform admins see failed sign-ins in Wagtail's.
AXES_ENABLE_ADMIN = False
WAGTAILADMIN_USER_LOGIN_FORM = "nikrah.admin_sign_in.AdminLoginForm"

# Public forms that are not sign-ins (nikrah.rate_limits), in django-allauth's notation:
# membership requests per address and per contact e-mail, and certificate codes looked up
# that do not exist, per address (once reached, every lookup from there waits).
NIKRAH_RATE_LIMITS = {
    "membership_request": "5/h/ip,3/h/key",
    "certificate_lookup": "20/15m/ip",
}

# No external services at run time: no Gravatar avatars in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Files that must never be served publicly (membership documents): outside MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")

# Moderation: approval by the responsible committee publishes on its behalf (see
# workinggroups.publishing); any change to a page in moderation needs approving again.
WAGTAIL_FINISH_WORKFLOW_ACTION = "workinggroups.publishing.publish_approved"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
# Submissions are e-mailed to the reviewing committee, not to every platform admin.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Certificates are signed with the platform's Ed25519 key (the base64url-encoded 32-byte
# private key; `manage.py generate_signing_key` makes one). Public keys of retired signing
# keys stay published, so that certificates signed before a rotation still verify.
NIKRAH_SIGNING_KEY = env("NIKRAH_SIGNING_KEY", default="")
NIKRAH_RETIRED_PUBLIC_KEYS = env.list("NIKRAH_RETIRED_PUBLIC_KEYS", default=[])

# Content-Security-Policy, enforced in development, tests and production alike so that
# anything it blocks shows at once. Everything the site and the admin load is their own (no
# CDN, bundled fonts): scripts come from static files, and the few inline scripts that must
# stay carry the response's nonce (nonce="{{ request.csp_nonce }}", see nikrah.csp). The
# admin allows a little more (nikrah.csp.admin_policy).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The admin previews pages in a frame of its own.
        "frame-ancestors": [SELF],
    },
}

# No external services at run time: the admin's dashboard does not ask wagtail.org for news
# of a newer Wagtail.
WAGTAIL_ENABLE_UPDATE_CHECK = False

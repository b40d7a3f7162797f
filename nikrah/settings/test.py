"""Tests: fast password hashing, in-memory e-mail, plain static storage."""

from .base import *  # noqa: F403

SECRET_KEY = "nikrah-test-secret-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A fixed key for tests only (never used anywhere else).
NIKRAH_SIGNING_KEY = "dGVzdC1vbmx5LWVkMjU1MTktc2lnbmluZy1rZXktMzI"
# The test client's login() authenticates without a request, which django-axes refuses: the
# tests of sign-in throttling switch it on (tests/test_sign_in_throttling.py).
AXES_ENABLED = False

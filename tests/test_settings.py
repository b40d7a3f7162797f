"""Settings come from the environment; production refuses to run unsafely."""

import os
import subprocess
import sys
from pathlib import Path

import environ
import pytest
from django.core.mail import get_connection

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 20 + "3x9Qz-lP0_vB7mN2cR5tY8uW1aS4dF6gH" + "e" * 10
SIGNING_KEY = "dGVzdC1vbmx5LWVkMjU1MTktc2lnbmluZy1rZXktMzI"


def manage(*args, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        | {"NIKRAH_SIGNING_KEY"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="nikrah.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage(
        "check", DJANGO_SETTINGS_MODULE="nikrah.settings.production", SECRET_KEY="short"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_signing_key():
    result = manage(
        "check", DJANGO_SETTINGS_MODULE="nikrah.settings.production", SECRET_KEY=GOOD_KEY
    )
    assert result.returncode != 0
    assert "NIKRAH_SIGNING_KEY must be set" in result.stderr


def test_production_passes_the_deploy_check_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="nikrah.settings.production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="nikrah.example.org",
        NIKRAH_SIGNING_KEY=SIGNING_KEY,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_serves_compressed_hashed_static_files():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])",
        DJANGO_SETTINGS_MODULE="nikrah.settings.production",
        SECRET_KEY=GOOD_KEY,
        NIKRAH_SIGNING_KEY=SIGNING_KEY,
    )
    assert result.stdout.strip() == "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("postgres://nikrah:secret@db.internal:5432/nikrah", "django.db.backends.postgresql"),
        ("sqlite:////tmp/nikrah.sqlite3", "django.db.backends.sqlite3"),
    ],
)
def test_database_url_chooses_the_engine(url, engine):
    assert environ.Env.db_url_config(url)["ENGINE"] == engine


def test_postgresql_connections_persist():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default'];"
        " print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])",
        DJANGO_SETTINGS_MODULE="nikrah.settings.dev",
        DATABASE_URL="postgres://nikrah@127.0.0.1:5432/nikrah",
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "60", "True"]


def test_a_mail_server_or_database_that_never_answers_is_waited_for_a_bounded_time():
    """Finding 4 of the security review: with no EMAIL_TIMEOUT, a mail server that never
    answered held the task worker for ever. Both outgoing connections now give up in time
    (30 and 10 seconds unless the environment says otherwise)."""
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    assert get_connection(smtp).timeout == 30
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; from django.core.mail import get_connection;"
        " database = settings.DATABASES['default'];"
        " print(get_connection().timeout, database['OPTIONS']['connect_timeout'])",
        DJANGO_SETTINGS_MODULE="nikrah.settings.dev",
        EMAIL_URL="smtp+tls://mail.example.org:587",
        EMAIL_TIMEOUT="7",
        DATABASE_URL="postgres://nikrah@127.0.0.1:5432/nikrah",
    )
    assert result.stdout.split() == ["7", "10"]


@pytest.mark.parametrize("settings_module", ["nikrah.settings.dev", "nikrah.settings.production"])
def test_development_and_production_enforce_the_content_security_policy(settings_module):
    """Finding 6 of the security review: no Content-Security-Policy, in development or
    production. Both enforce the same one (not merely report it), so breakage shows early."""
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings;"
        " print('csp.middleware.CSPMiddleware' in settings.MIDDLEWARE,"
        " settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['default-src'],"
        " hasattr(settings, 'CONTENT_SECURITY_POLICY_REPORT_ONLY'))",
        DJANGO_SETTINGS_MODULE=settings_module,
        SECRET_KEY=GOOD_KEY,
        NIKRAH_SIGNING_KEY=SIGNING_KEY,
    )
    assert result.stdout.strip() == "True [\"'self'\"] False", result.stderr

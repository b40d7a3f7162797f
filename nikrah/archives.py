"""Archives people download: one ZIP of records, with a README in Persian and English that
says what each file is.

There are two: everything Nikrah holds about a person, which they download from their
profile, and a charity's records, which its editors download in the admin. Each app adds
its own records through a hook, so that no app reaches into another: a function registered
under ``PERSONAL_DATA_HOOK`` takes ``(request, user)`` and returns an ``ArchivePart`` (or
None); the charity's hook is ``charities.archives.CHARITY_RECORDS_HOOK``.

The archive is written to a temporary file (in memory while small, on disk beyond) one
file at a time, and the response streams it from there: a certificate's PDF is made,
written and let go before the next is made, and nothing is held twice.
"""

import csv
import datetime
import io
import json
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import FileResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from wagtail import hooks

from nikrah.persian import format_datetime

PERSONAL_DATA_HOOK = "register_personal_data"

README_NAME = "README.txt"
README_TEMPLATE = "nikrah/archive_readme.txt"
README_LANGUAGES = ("fa", "en")
#: Beyond this, the archive being written moves from memory to a file on disk.
IN_MEMORY_BYTES = 8 * 1024 * 1024
#: Already compressed: stored as they are rather than compressed again.
STORED_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class ArchiveFile:
    """An entry of the README: one file, or several alike ("certificates/<code>.pdf")."""

    name: str
    description: str  # a lazy translation, written in each of the README's languages


@dataclass(frozen=True)
class ArchivePart:
    """One app's share of an archive.

    ``contents`` yields (path in the archive, bytes or text) and is called only when the
    archive is written, so that each file is made just before it is written. ``notes`` are
    what the README says about this share beyond its files (how it was chosen, what was
    left out and why).
    """

    files: list[ArchiveFile]
    contents: Callable[[], Iterable[tuple[str, bytes | str]]]
    notes: list[str] = field(default_factory=list)
    order: int = 100


def personal_data_parts(request, user):
    """Every app's share of what Nikrah holds about ``user``, in order."""
    parts = (fn(request, user) for fn in hooks.get_hooks(PERSONAL_DATA_HOOK))
    return sorted((part for part in parts if part is not None), key=lambda part: part.order)


# Writing the archive


def readme(parts, *, title, about, notes):
    """The README: the same text in Persian, then in English."""
    now = timezone.now()
    texts = []
    for language in README_LANGUAGES:
        with translation.override(language):
            texts.append(
                render_to_string(
                    README_TEMPLATE,
                    {
                        "title": title,
                        "about": about,
                        "made_at": format_datetime(now, language),
                        "files": [file for part in parts for file in part.files],
                        "notes": [*notes, *(note for part in parts for note in part.notes)],
                    },
                ).strip()
            )
    return ("\n\n" + "=" * 72 + "\n\n").join(texts) + "\n"


def write_archive(fileobj, parts, *, title, about, notes=()):
    """Write the ZIP of ``parts`` (README first) into ``fileobj``."""
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(README_NAME, readme(parts, title=title, about=about, notes=notes))
        for part in parts:
            for name, content in part.contents():
                compression = zipfile.ZIP_STORED if name.lower().endswith(STORED_SUFFIXES) else None
                archive.writestr(name, content, compress_type=compression)


def archive_response(parts, *, filename, title, about, notes=()):
    """The archive as a download that no cache keeps (it is one person's data)."""
    # Not in a with block: the response streams it and closes it once sent.
    spool = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
    try:
        write_archive(spool, parts, title=title, about=about, notes=notes)
    except BaseException:
        spool.close()
        raise
    size = spool.tell()
    spool.seek(0)
    response = FileResponse(
        spool, as_attachment=True, filename=filename, content_type="application/zip"
    )
    response["Content-Length"] = str(size)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


# What the files hold


class ArchiveJSONEncoder(json.JSONEncoder):
    """Dates and times in ISO 8601 (times in the site's time zone, with their offset), and
    quantities such as hours as numbers."""

    def default(self, value):
        if isinstance(value, datetime.datetime):
            return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, Promise):
            return str(value)
        return super().default(value)


def json_file(data):
    """``data`` as UTF-8 JSON, Persian written as it reads (not as \\u escapes)."""
    return json.dumps(data, cls=ArchiveJSONEncoder, ensure_ascii=False, indent=2) + "\n"


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date | Decimal | Promise):
        return ArchiveJSONEncoder().default(value)  # as in the JSON files
    return value


def csv_file(columns, rows):
    """Rows (dicts) as CSV under ``columns``, in UTF-8 with the byte-order mark that
    spreadsheet programs need to read Persian."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[column]) for column in columns])
    return out.getvalue()


def fields_of(instance, *names):
    """The named fields of ``instance`` by name, as the files name them (None for none)."""
    if instance is None:
        return None
    return {name: getattr(instance, name) for name in names}


#: Who did something to a person's record, as the files say it without naming anyone else.
BY_THE_PERSON, BY_STAFF = "volunteer", "staff"


def acted_by(actor_id, person_id):
    """``BY_THE_PERSON`` when the person did it themselves, ``BY_STAFF`` when someone acting
    for a charity or the platform did, None when nobody did (e.g. issued automatically)."""
    if actor_id is None:
        return None
    return BY_THE_PERSON if actor_id == person_id else BY_STAFF

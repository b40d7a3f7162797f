"""Live pages made by the thousand, for benchmarks: a few statements per thousand pages
instead of the editor's way (a revision, a workflow, signals and index tasks per page).

Nothing here is used by the site itself. The pages are complete: in the tree (paths and
counts as treebeard keeps them), live and published, with their sort keys, and in the search
index, so that every view treats them as pages an editor published.
"""

import itertools
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

BATCH = 1000


def batched(items, size):
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def add_live_children(parent, pages):
    """Put ``pages`` (unsaved instances of one page model, each with its title, slug and
    own fields) under ``parent`` as live pages, and index them for search."""
    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    parent = Page.objects.get(pk=parent.pk)
    now = timezone.now()
    for step, page in enumerate(pages, start=parent.numchild + 1):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type, page.locale_id = content_type, parent.locale_id
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
        page.draft_title = page.title
        page.translation_key = uuid.uuid4()
    # Multi-table inheritance: the base page rows first (their ids come back), then the
    # model's own rows; QuerySet._insert is what bulk_create uses for each table.
    base_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    own_fields = model._meta.local_concrete_fields
    with transaction.atomic():
        for chunk in batched(pages, BATCH):
            ids = Page.objects._insert(chunk, fields=base_fields, returning_fields=[Page._meta.pk])
            for page, (pk,) in zip(chunk, ids, strict=True):
                page.id = page.page_ptr_id = pk
            model._base_manager._insert(chunk, fields=own_fields)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    index(model, [page.pk for page in pages])
    return pages


def index(model, pks):
    """Index pages for search, a thousand at a time."""
    backend = get_search_backend()
    for chunk in batched(pks, BATCH):
        backend.add_bulk(model, list(model.objects.filter(pk__in=chunk)))

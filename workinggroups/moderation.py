"""The moderation rule: which committee reviews a page before it is published.

This is the one place that decides it (design.md):
- an opportunity that is training content → the education committee;
- news → the cultural & networking committee;
- anything under a working group (its projects and opportunities) → that working group's
  committee;
- everything else (charity profiles, the network's own pages) → the executive committee.
"""

from workinggroups.models import Committee, WorkingGroupPage

NEWS_PAGE_TYPES = {"newsroom.newspage", "newsroom.newsindexpage"}
TRAINING_PAGE_TYPES = {"opportunities.opportunitypage"}


def committee_of_kind(kind):
    return Committee.objects.filter(kind=kind).select_related("group").first()


def _is_training(page):
    return page._meta.label_lower in TRAINING_PAGE_TYPES and getattr(page, "is_training", False)


def reviewing_committees(pages):
    """The rule for many pages at once, in a fixed number of queries: {page.pk: committee}.
    (A review queue asks it of every page waiting.)"""
    pages = [
        page.specific_deferred if hasattr(page, "specific_deferred") else page for page in pages
    ]
    network = {
        committee.kind: committee
        for committee in Committee.objects.exclude(kind=Committee.Kind.COORDINATORS)
        .select_related("group")
        .order_by("pk")
    }
    by_group = [
        p for p in pages if not _is_training(p) and p._meta.label_lower not in NEWS_PAGE_TYPES
    ]
    steplen = WorkingGroupPage.steplen
    ancestor_paths = {
        page.path[:length]
        for page in by_group
        for length in range(steplen, len(page.path) + 1, steplen)
    }
    working_groups = {
        group.path: group
        for group in WorkingGroupPage.objects.filter(path__in=ancestor_paths).select_related(
            "committee__group"
        )
    }
    committees = {}
    for page in pages:
        if _is_training(page):
            committees[page.pk] = network.get(Committee.Kind.EDUCATION)
        elif page._meta.label_lower in NEWS_PAGE_TYPES:
            committees[page.pk] = network.get(Committee.Kind.CULTURE)
        else:
            lengths = range(steplen, len(page.path) + 1, steplen)
            group = next(
                (working_groups[page.path[:n]] for n in lengths if page.path[:n] in working_groups),
                None,
            )
            committees[page.pk] = (
                group.committee if group is not None else network.get(Committee.Kind.EXECUTIVE)
            )
    return committees


def reviewing_committee(page):
    return reviewing_committees([page])[page.pk]

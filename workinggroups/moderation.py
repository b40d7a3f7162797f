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


def reviewing_committee(page):
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    label = page._meta.label_lower
    if label in TRAINING_PAGE_TYPES and getattr(page, "is_training", False):
        return committee_of_kind(Committee.Kind.EDUCATION)
    if label in NEWS_PAGE_TYPES:
        return committee_of_kind(Committee.Kind.CULTURE)
    working_group = (
        WorkingGroupPage.objects.ancestor_of(page, inclusive=True)
        .select_related("committee__group")
        .first()
    )
    if working_group is not None:
        return working_group.committee
    return committee_of_kind(Committee.Kind.EXECUTIVE)

"""Whether two revisions of a page differ in anything a person wrote.

Wagtail's page editor saves a new revision whenever its form reports a change, and the form
reports changes nobody made: Draftail adds ``data-block-key`` attributes to rich text written
outside the editor, and the revision records who saved it and when. With
``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` such a revision would restart the review a
committee member was approving. Only what a person writes counts here: the fields of the
page and its child objects, without Wagtail's bookkeeping and the editor's markup.
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder

# Page fields that Wagtail keeps about a revision or the tree, not what its author wrote.
BOOKKEEPING_FIELDS = frozenset(
    {
        "pk",
        "id",
        "path",
        "depth",
        "numchild",
        "url_path",
        "content_type",
        "translation_key",
        "locale",
        "alias_of",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "latest_revision_created_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
        "owner",
        # Reviewers' comments on the page are a conversation about it, not its content.
        "wagtail_admin_comments",
        "comments",
    }
)
# A Draftail block key in rich text (its quotes escaped when inside a StreamField's JSON).
_BLOCK_KEY = re.compile(r'\s?data-block-key=\\?"[^"\\]*\\?"')


def _written(value, top_level=False):
    if isinstance(value, dict):
        ignored = BOOKKEEPING_FIELDS if top_level else {"pk", "id"}
        return {key: _written(item) for key, item in value.items() if key not in ignored}
    if isinstance(value, list):
        return [_written(item) for item in value]
    if isinstance(value, str):
        if value[:1] in ("[", "{"):
            # A StreamField's value is JSON text, its keys in whatever order the
            # database returned them: compare what it says, not how it is spelled.
            try:
                return _written(json.loads(value))
            except ValueError:
                pass
        return _BLOCK_KEY.sub("", value)
    return value


def written_content(revision):
    """The part of a revision's content that a person wrote, as comparable JSON text."""
    return json.dumps(
        _written(revision.content, top_level=True), sort_keys=True, cls=DjangoJSONEncoder
    )


def same_written_content(revision, other):
    return written_content(revision) == written_content(other)

"""Fields that put normalised Persian text into the search index.

Every page model declares its ``search_fields`` with these instead of Wagtail's, so that
what is indexed is spelled the way ``nikrah.search.normalise`` spells queries. The boosts
rank a match in the title above one in the summary above one in the body: PostgreSQL
turns them into tsvector weights; on SQLite the summary is also indexed for autocomplete,
a column the backend (``nikrah.search.backend``) weighs between title and body.
"""

from wagtail.models import Page
from wagtail.search import index

from nikrah.search.normalise import index_text

# Filters need no normalising: Wagtail's own, so that models import every field from here.
FilterField = index.FilterField
RelatedFields = index.RelatedFields

TITLE_BOOST = 3
SUMMARY_BOOST = 2


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)


class SearchField(index.SearchField):
    """A full-text field whose text is indexed normalised."""

    def get_text(self, obj):
        """The field's text as written, for a result's snippet."""
        return _as_text(super().get_value(obj))

    def get_value(self, obj):
        return index_text(self.get_text(obj))


class AutocompleteField(index.AutocompleteField):
    """A field matched as typed, word beginnings included, indexed normalised."""

    def get_value(self, obj):
        return index_text(_as_text(super().get_value(obj)))


def page_search_fields():
    """Wagtail's own fields of a page (its filters), with the title indexed normalised."""
    filters = [field for field in Page.search_fields if isinstance(field, index.FilterField)]
    return [
        SearchField("title", boost=TITLE_BOOST),
        AutocompleteField("title"),
        *filters,
    ]


def texts_beyond_title(page):
    """The texts a page is searched by, other than its title, as written and in the order
    of its ``search_fields`` (summary first): where a result's snippet comes from."""
    return [
        field.get_text(page)
        for field in page.get_search_fields()
        if isinstance(field, SearchField) and field.field_name != "title"
    ]

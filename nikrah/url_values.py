"""Values read from a URL, which anyone can type: an id is ASCII digits that fit the
database's integer (``str.isdigit`` also accepts «²» and «۳», which ``int`` may refuse or
the database cannot hold); anything else means "no such thing", never an error."""

from django.http import QueryDict

MAX_ID = 2**63 - 1
MAX_ID_DIGITS = len(str(MAX_ID))


def valid_id(value):
    """``value`` as a primary key, or None."""
    text = str(value).strip()
    # The length first: Python refuses to read an integer of thousands of digits.
    if len(text) <= MAX_ID_DIGITS and text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID:
        return int(text)
    return None


def valid_ids(values):
    """The ids among ``values`` that can be primary keys; the rest are left out."""
    return [id_ for value in values if (id_ := valid_id(value)) is not None]


class NoNullCharactersMiddleware:
    """A NUL character is never meant in a query string, and PostgreSQL cannot store or
    search for one (the database refuses the whole query): it is dropped from every
    parameter before any view reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lists = request.GET.lists()
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in lists):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)

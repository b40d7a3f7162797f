"""Values read from a URL, which anyone can type: an id is ASCII digits that fit the
database's integer (``str.isdigit`` also accepts «²» and «۳», which ``int`` may refuse or
the database cannot hold); anything else means "no such thing", never an error."""

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

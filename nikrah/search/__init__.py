"""Site search: Persian normalisation, the search backend that applies it, and the fields
that index normalised text. Apps declare ``search_fields`` with ``nikrah.search.index``."""

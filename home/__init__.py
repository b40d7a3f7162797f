"""The home page and the sections other apps contribute to it."""

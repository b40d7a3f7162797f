"""Volunteer opportunities under projects, and the applications volunteers make to them."""

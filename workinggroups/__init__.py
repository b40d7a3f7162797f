"""Thematic and regional working groups, their committees and the projects they rank."""

"""Support module for star_import.py: an `__all__` naming a missing
attribute."""
__all__ = ["present", "missing"]
present = 1

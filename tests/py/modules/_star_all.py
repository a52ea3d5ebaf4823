"""Support module for star_import.py: an `__all__` that lists a private
name and leaves a public one out."""
__all__ = ["shown", "_listed_private"]
shown = 1
_listed_private = 2
hidden = 3

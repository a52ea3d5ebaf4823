"""Support module for star_import.py: an `__all__` holding an int."""
__all__ = ["ok", 5]
ok = 1

"""Support module for star_import.py: no `__all__`."""
import math as _math
public_value = 10
_private_value = 20

def public_function():
    return "public"

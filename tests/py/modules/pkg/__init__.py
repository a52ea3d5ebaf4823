"""A small package for the import tests."""
print("pkg/__init__ running")
VERSION = "1.0"
from .helpers import double

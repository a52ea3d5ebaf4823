"""Submodule using relative imports."""
print("pkg.sub running")
from . import helpers
from .helpers import double

NAME = "sub"

def quadruple(x):
    return double(helpers.double(x))

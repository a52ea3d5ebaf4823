"""The module's docstring."""

class WithDoc:
    """A class docstring."""
    x = 1

class WithoutDoc:
    x = 2

print(__doc__)
print(WithDoc.__doc__, WithoutDoc.__doc__, WithDoc.x)
import _helper_module
print(_helper_module.__doc__)

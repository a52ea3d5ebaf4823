import math, pkg
print(__name__, math.__name__, pkg.__name__, type(math).__name__)
print(hasattr(math, "sqrt"), "sqrt" in dir(math), pkg.__doc__)
print(__file__.endswith("module_attributes.py"))

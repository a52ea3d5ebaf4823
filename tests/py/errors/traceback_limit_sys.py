# sys.tracebacklimit keeps the innermost entries of the report.
import sys

def outer():
    return inner()

def inner():
    return [][0]

sys.tracebacklimit = 1
outer()

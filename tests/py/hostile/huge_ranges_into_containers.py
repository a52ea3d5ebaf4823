# Materialising a range too large for memory raises MemoryError at once
# (or OverflowError past sys.maxsize), before any item is made, whether
# its bounds are machine ints or not.
import sys

cases = [
    ("list", lambda n: list(range(n))),
    ("tuple", lambda n: tuple(range(n))),
    ("star", lambda n: [*range(n)]),
    ("sorted", lambda n: sorted(range(n))),
    ("list step", lambda n: list(range(0, n * 3, 3))),
    ("list negative", lambda n: list(range(n, 0, -1))),
]
for n in (2**40, 2**62, sys.maxsize, 2**64):
    for name, make in cases:
        try:
            make(n)
            print(name, n, "made")
        except (MemoryError, OverflowError) as e:
            print(name, n, type(e).__name__, e)
print(len(list(range(2**62, 2**62 + 5))), list(range(2**64, 2**64 + 2)))

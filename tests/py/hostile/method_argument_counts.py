# Wrong argument counts and types for builtin methods and module
# functions, worded per method as CPython 3.11 words them (METH_O,
# Argument Clinic's positional check, or the older parser).
import gc
import math
import sys
import time

text, one, half, key = 'abc', (1,), 1.5, 'x'
calls = [
    lambda: 'abc'.zfill(), lambda: 'abc'.join(1, 2), lambda: 'abc'.partition(),
    lambda: 'abc'.removeprefix(), lambda: 'abc'.format_map(),
    lambda: 'abc'.center(), lambda: 'abc'.replace('a'), lambda: 'abc'.strip(1, 2),
    lambda: 'abc'.ljust(1, 2, 3), lambda: 'abc'.find(), lambda: 'abc'.split(1, 2, 3),
    lambda: 'abc'.upper(1), lambda: text[half], lambda: text[key], lambda: one[half],
    lambda: math.sqrt(), lambda: math.floor(1, 2), lambda: math.isnan(),
    lambda: time.sleep(), lambda: sys.getrefcount(), lambda: sys.intern(),
    lambda: gc.is_tracked(), lambda: [3, 1].sort(reverse='x'),
    lambda: sorted([2, 1], reverse=1.5), lambda: sorted([1], reverse=2**40),
]
for call in calls:
    try:
        call()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
items = [3, 1, 2]
try:
    items.sort(reverse='yes')
except TypeError:
    pass
print(items, sorted(items, reverse=True), sorted(items, reverse=0))

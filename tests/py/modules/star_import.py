# `from m import *`: `__all__` when the module has one, else its names not
# starting with `_`; errors as CPython raises them.
from math import *
print(floor(2.5), sqrt(16.0), round(pi, 5))
print("__name__" in globals() and __name__)

from _star_plain import *
print(public_value, public_function())
print("_private_value" in globals(), "_math" in globals())

from _star_all import *
print(shown, _listed_private, "hidden" in globals())

from typing import *
print(List[int], Optional[str])
print("collections" in globals(), "sys" in globals())

from collections import *
print(Counter("abca").most_common(1), "deque" in globals())

try:
    from _star_bad_all import *
except AttributeError as e:
    print("AttributeError:", e)
print(present)

try:
    from _star_nonstr_all import *
except TypeError as e:
    print("TypeError:", e)
print(ok)

for src in ["def f():\n    from math import *\n", "class A:\n    from math import *\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)

ns = {}
exec(compile("from string import *\nprint('digits' in dir(), '_re' in dir())", "<star>", "exec"), ns)
print(ns["digits"], "__builtins__" in ns)

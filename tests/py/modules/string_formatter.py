# string.Formatter: CPython's class, its parse() pieces and errors, and
# subclasses overriding its steps.
import string
from string import Formatter
f = Formatter()
print(f.format("{0}-{x}", 1, x=2))
print(f.format("{} and {}", "a", "b"), f.format("{0!r:>8}|{1:{2}}", "hi", 3.14159, ".2f"))
class P: real = 5
print(f.format("{p.real} {d[k]} {l[1]} {{lit}} }}", p=P, d={"k": "v"}, l=[7, 8]))
for s in ["{", "}", "{0", "{0!}", "{0!r x}", "{a[}", "{0.}", "{0[]}", "{0]x}", "{!z}", "{0:{1:{2}}}", "{} {0}", "{0} {}", "{0:{}"]:
    try:
        print(repr(s), list(f.parse(s)))
        print(repr(f.format(s, 1, 2, 3)))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(repr(s), type(e).__name__, e)
print(list(f.parse("a{{b}}c{x!s:>{w}}d")))
class Upper(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "?") if isinstance(key, str) else args[key]
print(Upper().format("{name} is {missing} {0:x}", 255, name="bob"))
class Strict(Formatter):
    def check_unused_args(self, used, args, kwargs):
        extra = set(kwargs) - used
        if extra:
            raise ValueError(f"unused {sorted(extra)}")
try:
    Strict().format("{a}", a=1, b=2)
except ValueError as e:
    print(e)
print(f.vformat("{0}{k}", (1,), {"k": 2}))

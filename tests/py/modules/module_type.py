# types.ModuleType(name, doc=None): a module made at run time, usable
# in sys.modules, by import, and by `from ... import *`.
import sys
import types

m = types.ModuleType("plugins", "Run-time plugins.")
print(type(m) is type(sys), m.__name__, m.__doc__)
print(m.__package__, m.__loader__, m.__spec__)
print(sorted(vars(m)))
m.greet = lambda who: f"hello {who}"
m.__all__ = ["greet"]
sys.modules["plugins"] = m

import plugins
print(plugins is m, plugins.greet("world"))
from plugins import *
print(greet("star"))

print(types.ModuleType(name="kw").__name__, types.ModuleType("d").__doc__)

class Loud(types.ModuleType):
    def shout(self):
        return self.__name__.upper()

print(Loud("quiet").shout(), isinstance(Loud("x"), types.ModuleType))

for args, kwargs in [((), {}), ((1,), {}), (("a", "b", "c"), {}), (("a",), {"bad": 1})]:
    try:
        types.ModuleType(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)

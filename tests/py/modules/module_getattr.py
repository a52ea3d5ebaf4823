# PEP 562: a module's own __getattr__ answers for names it lacks; the
# stdlib's `collections.abc` is reachable from `collections` that way.
import collections
print(collections.abc.Mapping, collections.abc.Iterable)
import _helper_module_getattr as m
print(m.present, m.dynamic_value, m.other)
try:
    m.missing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(m, "anything", "default?"), hasattr(m, "missing"))
from _helper_module_getattr import dynamic_thing
print(dynamic_thing)

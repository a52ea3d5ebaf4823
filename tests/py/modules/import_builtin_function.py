# The builtin __import__: top package for dotted names without fromlist,
# the leaf module with one, errors for bad arguments.
m = __import__("collections")
print(m.__name__, type(m).__name__)
top = __import__("collections.abc")
print(top.__name__, top.abc.__name__)
leaf = __import__("collections.abc", fromlist=["Mapping"])
print(leaf.__name__, leaf.Mapping)
h = __import__("_helper_module", globals(), locals(), [], 0)
print(h.__name__)
import builtins
print(builtins.__import__ is __import__)
for bad in (lambda: __import__(5), lambda: __import__(""), lambda: __import__("x", level=-1),
            lambda: __import__("no_such_module_xyz")):
    try:
        bad()
    except (TypeError, ValueError, ImportError) as e:
        print(type(e).__name__, e)

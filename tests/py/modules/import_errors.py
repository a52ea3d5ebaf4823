try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkg import not_there
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    from math import nope
except ImportError as e:
    print(e)

import weakref
for v in (1, "s", [1], (1,), {}):
    try:
        weakref.ref(v)
        print(type(v).__name__, "ok")
    except TypeError as e:
        print(e)

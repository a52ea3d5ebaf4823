for obj, name in ((1, "foo"), ("s", "append"), ([], "x"), (None, "real"), (type, "zz")):
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(e)
try:
    (1).real = 5
except AttributeError as e:
    print(e)
try:
    [].append = None
except AttributeError as e:
    print(e)

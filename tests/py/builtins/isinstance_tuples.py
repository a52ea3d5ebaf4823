for v in (1, 1.5, "s", [1], None, True):
    print(repr(v), isinstance(v, (int, float)), isinstance(v, (str, list, type(None))))
print(isinstance(1, ((str, float), int)))

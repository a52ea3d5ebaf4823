for f in (lambda: len([], []), lambda: abs(), lambda: int(1, 2, 3), lambda: isinstance(1), lambda: "a".upper(1)):
    try:
        f()
    except TypeError as e:
        print(e)

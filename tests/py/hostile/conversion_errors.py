cases = [lambda: int([]), lambda: float({}), lambda: int(None), lambda: complex("x"),
         lambda: bytes("abc"), lambda: bytes(-1), lambda: list(5), lambda: dict([1, 2]), lambda: dict([(1, 2, 3)])]
for c in cases:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

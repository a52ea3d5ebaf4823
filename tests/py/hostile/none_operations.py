n = None
cases = [lambda: n + 1, lambda: len(n), lambda: n[0], lambda: iter(n), lambda: n.x, lambda: list(n)]
for c in cases:
    try:
        c()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

tests = [lambda: exec("a, b = 1, 2, 3"), lambda: exec("a, b, c = 1, 2"),
         lambda: exec("a, *b, c = [1]"), lambda: exec("a, b = 1")]
for t in tests:
    try:
        t()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

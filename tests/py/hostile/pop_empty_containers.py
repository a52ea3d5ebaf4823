for f in (lambda: [].pop(), lambda: {}.popitem(), lambda: set().pop(), lambda: {}.pop("k")):
    try:
        f()
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e)

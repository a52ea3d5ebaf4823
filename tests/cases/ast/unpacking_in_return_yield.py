def f():
    return 1, *a
    yield 1, *b

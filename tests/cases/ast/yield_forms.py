def f():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield z
    yield from g()
    z = yield from h
    await_ = (yield)
    f((yield))
    yield *a, b

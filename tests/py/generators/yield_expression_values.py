def g():
    x = yield
    y = yield x * 2
    z = yield (x, y)
    yield [x, y, z]

it = g()
print(next(it))
print(it.send(3))
print(it.send(4))
print(it.send(5))

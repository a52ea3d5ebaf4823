def g():
    received = []
    while len(received) < 3:
        v = yield len(received)
        received.append(v)
    return received

it = g()
next(it)
it.send("a")
it.send(None)
try:
    it.send("c")
except StopIteration as e:
    print(e.value)

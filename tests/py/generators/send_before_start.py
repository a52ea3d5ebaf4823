def g():
    x = yield 1
    print("got", x)

it = g()
try:
    it.send(5)
except TypeError as e:
    print(e)
print(it.send(None))
try:
    it.send("hi")
except StopIteration:
    print("finished")

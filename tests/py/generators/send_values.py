def echo():
    received = None
    while True:
        received = yield received
        if received == "stop":
            return "done"

g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
try:
    g.send("stop")
except StopIteration as e:
    print("return value", e.value)

def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle

print(outer(1)(10)(100))
f = outer("x")("y")
print(f("z"), f("w"))
print(f.__code__.co_freevars)

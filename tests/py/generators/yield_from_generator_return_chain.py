def level3():
    yield "l3"
    return 3
def level2():
    r = yield from level3()
    yield "l2"
    return r + 2
def level1():
    r = yield from level2()
    yield f"l1 got {r}"
print(list(level1()))

def g():
    try:
        yield 1
    except GeneratorExit:
        print("exiting")
        return "ignored"

it = g()
next(it)
print(it.close())
def h():
    yield 1
print(h().close())

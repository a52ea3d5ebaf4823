def g():
    while True:
        try:
            yield
        except Exception as e:
            print("handled", type(e).__name__, e)

it = g()
next(it)
it.throw(KeyError("a"))
it.throw(ValueError, ValueError("b"))
it.throw(TypeError("c"))
it.close()
print("ok")

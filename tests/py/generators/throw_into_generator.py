def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    yield "after"

it = g()
print(next(it))
print(it.throw(ValueError("oops")))
print(next(it))
it2 = g()
next(it2)
try:
    it2.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))

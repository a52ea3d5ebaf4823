def g():
    yield 1
it = g()
list(it)
print(next(it, "exhausted"))
try:
    it.throw(ValueError("late"))
except ValueError as e:
    print("throw on finished:", e)
it.close()
print("close ok")

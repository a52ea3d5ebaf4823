def gen():
    yield 1
    next(iter([]))
try:
    print([x for x in gen()])
except RuntimeError as e:
    print(e)

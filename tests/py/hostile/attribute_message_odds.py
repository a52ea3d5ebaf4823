# Messages of odd attribute and argument errors: tuple.__new__ checks,
# gc.collect arity, module attribute deletion, __code__ and args deletion.
import gc, math
tests = [
    lambda: tuple.__new__(str),
    lambda: tuple.__new__(5),
    lambda: tuple.__new__(),
    lambda: gc.collect(1, 2),
    lambda: delattr(math, "nope"),
    lambda: (1).to_bytes(2, "big", x=1),
]
def f(): pass
def del_code():
    del f.__code__
class E(Exception): pass
def del_args():
    e = E(1)
    del e.args
for t in tests:
    try:
        r = t()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

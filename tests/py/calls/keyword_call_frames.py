import sys
def r(n, *, k=1):
    return r(n + 1, k=k)
try:
    r(0, k=2)
except RecursionError as e:
    print("RecursionError", e)
def depth(n, *, k):
    try:
        return depth(n + 1, k=k)
    except RecursionError:
        return n
print(depth(0, k=1) > 900)
def gen(a, *, b):
    yield a
    yield b
print(list(gen(1, b=2)))
class C:
    def m(self, x, *, y=0):
        return x + y
    def bad(self, *, z):
        return 1 / z
c = C()
print(c.m(1, y=2), C.m(c, x=3), c.m(x=4, y=5))
try:
    c.bad(z=0)
except ZeroDivisionError as e:
    t, where = e.__traceback__, []
    while t is not None:
        where.append((t.tb_frame.f_code.co_name, t.tb_lineno))
        t = t.tb_next
    print(where, type(e).__name__, e)
try:
    c.m(1, q=2)
except TypeError as e:
    print(e)
print(sorted([3, 1], key=lambda v: -v), dict(a=1), print("kw", end="!\n", sep="-"))

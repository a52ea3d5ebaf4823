# Tuple displays of constants (nested ones and negative numbers too) are
# folded at compile time, as CPython's AST optimizer folds them: one object.
def f():
    return (None, None)
print(f() is f(), f())
a = (1, 2); b = (1, 2)
print(a is b, a == b)
def g():
    return ((1, "x"), (), (2.5,), (-1,), (True, ...))
print(g(), g() is g())
x = 3
print((x, 1), (1, (x,)))
def h():
    return (1, [2])
print(h() is h(), h())

# CPython's compiler keeps one object per constant value in a module:
# equal constants (same type, same value) are one object, across functions.
def same(a, b):
    return a is b

a = 1000
b = 1000
print(same(a, b), same(10 ** 3, 1000), same(1000.0, 1000.0))
s = 'a b'
def f():
    return 'a b', (1000, 'x y'), 2.5
print(same(s, f()[0]), same(f()[1], (1000, 'x y')), same(f()[2], 2.5))
print(same(0.0, -0.0), same(-0.0, -0.0), same(1, 1.0), same(1, True))
print(same((1, 2), (1, 2)), same((1, (2,)), (1, (2,))), same((1.0,), (1,)))
print(same(b'ab c', b'ab c'), same(1j, 1j), same(-1j, 0 - 1j))
print(same(f().__class__, tuple), same('x' * 2, 'xx'), same('é', 'é'))
g = lambda: 'a b'
print(same(g(), s), same(eval("'a' + 'b'"), 'ab'))

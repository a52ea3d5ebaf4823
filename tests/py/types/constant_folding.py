# CPython's AST optimizer folds operations on constants; the folded value
# is one constant object, interned when it looks like an identifier.
def same(a, b):
    return a is b

x = 'a' * 3
print(x, same(x, 'aaa'))
y = 'hello_' + 'world'
print(same(y, 'hello_world'))
print(same('ab' + 'cd', 'abcd'), same('abc'[1], 'b'))
print(-1.5, +2, ~5, ~True, -True, +False, not 1, not 0, not '', not ())
print(-(2 ** 3), 2 ** -1, 10 // 3, 10 % 3, 7 / 2, 1 << 10, 1024 >> 3)
print(6 & 3, 6 | 3, 6 ^ 3, 2.5 * 2, 3 - 5.5, 1 + 2j, (1 + 2j) * 1j)
print(-0.0, 0.0 - 0.0, -(0.0), -0.0 == 0.0)
print('abc'[1], 'abc'[-1], (1, 2, 3)[0], b'xyz'[1], (('a', 'b'), 2)[0][1])
print((1, -2, (3, -4.0)), (), ('x',) * 3, b'ab' * 2)
print(__debug__, not __debug__)
print('%s-%d' % ('a', 1), b'%d' % 5)
t = (1, 2 + 3, 'a' * 2)
print(t, same(t[2], 'aa'))
def f():
    return 1000 + 1, 'ab' * 2, (1, 2)
a, b, c = f()
print(same(a, 1001), same(b, 'abab'), same(c, (1, 2)))
print(f() is f(), f()[2] is f()[2])
import builtins
print(builtins.__debug__, getattr(builtins, '__debug__'))

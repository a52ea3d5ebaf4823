# Expressions as deep as the parser allows fold (or not) without
# exhausting the compiler; huge results are never computed at compile time.
src = 'x = ' + '-' * 2900 + '1'
exec(src)
print(x)
exec('y = 0' + ' + 1' * 2900)
print(y)
w = 5
exec('z = 1' + ' + 1' * 2900 + ' + w')
print(z)
exec('s = ' + ' + '.join(["'a' * 4096"] * 100))
print(len(s))
exec('t = ' + '(' * 150 + "'ab'" + ' * 2)[0]' * 150)
print(t)
def never():
    return 2 ** 10 ** 10, 'a' * 10 ** 12, (1,) * 10 ** 12, 1 << 10 ** 12, 10 ** 10 ** 10 % 7
print(never.__name__)
try:
    (1,) * 10 ** 12
except MemoryError:
    print('MemoryError')
except OverflowError:
    print('OverflowError')

# Folding stops at ast_opt.c's size limits; beyond them the operation runs
# at run time and makes a new object each time.
def same(a, b):
    return a is b

s4096 = 'a' * 4096
print(len(s4096), same(s4096, 'a' * 4096))
s4097 = 'a' * 4097
print(len(s4097), same(s4097, 'a' * 4097))
print(same('ab' * 2048, 'ab' * 2048), same('ab' * 2049, 'ab' * 2049))
print(same(b'x' * 4096, b'x' * 4096), same(b'x' * 4097, b'x' * 4097))
print(same((1,) * 256, (1,) * 256), same((1,) * 257, (1,) * 257))
print(same((1, 2) * 128, (1, 2) * 128), same((1, 2) * 129, (1, 2) * 129))
big = 2 ** 128
print(big, same(big, 2 ** 128))
print(same(2 ** 64, 2 ** 64), same(2 ** 129, 2 ** 129))
print(same(1 << 127, 1 << 127), same(1 << 128, 1 << 128))
print(same((1 << 99) * (1 << 27), (1 << 99) * (1 << 27)), same((1 << 100) * (1 << 27), (1 << 100) * (1 << 27)))
print(same(3 ** 80, 3 ** 80), same(3 ** 81, 3 ** 81), same(-(2 ** 64), -(2 ** 64)))
print(len(str(2 ** 10000)), (10 ** 50) % 7, -(2 ** 200) >> 190)
print(0 ** (10 ** 30), 1 >> 10 ** 30, 0 << 10 ** 30, 2 ** -(10 ** 30))
try:
    print('' * 10 ** 30)
except OverflowError as e:
    print('OverflowError', e)
print('a' * -1, (1,) * -5, 'ab' * True, 2 ** 0.5)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print('OverflowError', e)
try:
    print(1 << -1)
except ValueError as e:
    print('ValueError', e)

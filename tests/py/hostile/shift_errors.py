try:
    1 << -1
except ValueError as e:
    print(e)
try:
    1 >> -5
except ValueError as e:
    print(e)
print(1 >> 1000, -1 >> 1000, 0 << 10 ** 10)
try:
    1 << 2.0
except TypeError as e:
    print(e)

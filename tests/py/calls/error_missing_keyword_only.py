def f(*, key, other):
    pass

try:
    f()
except TypeError as e:
    print(e)
try:
    f(key=1)
except TypeError as e:
    print(e)

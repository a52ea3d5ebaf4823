def f(a, b):
    pass

try:
    f(1, a=2)
except TypeError as e:
    print(e)
try:
    f(1, 2, **{"b": 3})
except TypeError as e:
    print(e)

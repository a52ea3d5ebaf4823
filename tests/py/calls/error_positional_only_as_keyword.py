def f(a, b, /):
    return a + b

try:
    f(a=1, b=2)
except TypeError as e:
    print(e)
print(f(1, 2))

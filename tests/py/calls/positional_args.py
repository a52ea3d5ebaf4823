def f(a, b, c):
    return a * 100 + b * 10 + c

print(f(1, 2, 3))
print(f(3, 2, 1))
print(f(*[4, 5, 6]))

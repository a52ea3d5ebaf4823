def f(**kw):
    return list(kw)

print(f(z=1, a=2, m=3))
print(f(**{"b": 1}, a=2))
d = {"one": 1, "two": 2}
print(f(**d, three=3))

def show(**kwargs):
    for k in kwargs:
        print(k, "=", kwargs[k])
    return type(kwargs).__name__

print(show(a=1, b=2, c=3))
print(show())

def mixed(a, *args, b=5, **kw):
    return (a, args, b, sorted(kw.items()))

print(mixed(1, 2, 3, b=4, z=26, y=25))
print(mixed(0))

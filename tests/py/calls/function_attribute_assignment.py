# Function attributes are live: assigning them changes calls and reprs
def f(a, b=1, *, c=2):
    "original"
    return a, b, c

f.__defaults__ = (10,)
f.__kwdefaults__ = {"c": 20}
print(f(0), f.__doc__)
f.__doc__ = None
f.__name__ = "g"
f.__qualname__ = "Outer.g"
print(f.__doc__, f.__name__, f.__qualname__, f.__module__)
f.__defaults__ = None
try:
    f(0)
except TypeError as e:
    print(e)
for name, value in (("__defaults__", [1]), ("__kwdefaults__", 3), ("__name__", 5), ("__annotations__", ())):
    try:
        setattr(f, name, value)
    except TypeError as e:
        print(e)
print(f.__annotations__, f.__dict__, f.__closure__)
def outer():
    x = 1
    def inner():
        return x
    return inner
cell = outer().__closure__[0]
print(type(cell).__name__, cell.cell_contents, outer.__code__.co_cellvars, outer().__code__.co_name)

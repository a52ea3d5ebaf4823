# Builtin methods read through an instance are builtin_function_or_method
x = [3, 1, 2]
m = x.append
print(type(m).__name__, m.__name__, m.__self__ is x)
m(0)
print(x, type("a".upper).__name__, "a".upper())
f = {1: 2}.get
print(f(1), f(5, "d"), type(f).__name__)
print(type(len).__name__, repr(len))
print(repr(m).startswith("<built-in method append of list object at 0x"))
print(format(1 + 2j), format(-1j, ""), f"{3j}", str(1 + 0j))
class A:
    f = len
    g = [].append
print(A().f, A().f("ab"), A.f is len)

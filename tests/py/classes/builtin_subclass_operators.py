# Operators on instances of subclasses of str, list and tuple: the
# subclass's Python methods come first, and a list's += and *= work in
# place, for subclasses too.
l = [1]; m = l; l *= 2; print(m, l is m)
class L(list):
    pass
a = L([1]); b = a; a += [2]; print(b, a is b, type(a).__name__)
class L2(list):
    def __iadd__(self, o):
        print("iadd"); return self
    def __add__(self, o):
        return "add"
    def __eq__(self, o):
        return "eq"
x = L2([1]); x += [5]; print(x, x + [1], x == [1], [1] == x)
class S(str):
    def __add__(self, o): return "added"
    def __radd__(self, o): return "radded"
    def __lt__(self, o): return "lt"
print(S("a") + "b", "b" + S("a"), S("a") < "b", "b" > S("a"))
class T(tuple):
    def __mul__(self, n): return "mul"
print(T((1,)) * 2, T((1,)) + (2,), type(T((1,)) + (2,)).__name__)
l = [1, 2]
l += l
print(l)
l *= 0
print(l)
l = [1]
l *= -3
print(l)
l = [3]
try:
    l *= 2.0
except TypeError as e:
    print(e)
try:
    l += 5
except TypeError as e:
    print(e)
l += (4, 5)
l += "ab"
l += range(2)
print(l)
class Noisy:
    def __del__(self):
        print("del")
l = [Noisy()]
l *= 0
print("after", l)
class S(str):
    pass
print(S("a") + "b", "b" + S("a"), S("a") < "b", S("x") * 2, type(S("x") * 2).__name__)
class I(int):
    def __add__(self, o): return "I-add"
print(I(1) + 2, 2 + I(1))

# str() and print() of instances of builtin subclasses: the text of a str
# subclass (not its repr), and a __str__ the subclass defines.
class S(str): pass
s = S(-12)
print(s, str(s), repr(s), S("ab"), str(S("ab")), f"{s}", "%s" % s, len(S(3.5)))
print(type(str(s)).__name__)
class I(int):
    def __str__(self):
        return "I:" + repr(int(self))
print(I(5), str(I(5)), repr(I(5)), f"{I(5)}", "%s" % I(5), "%d" % I(5))
class F(float):
    pass
print(F(1.5), str(F(2.5)))
class L(list):
    def __str__(self):
        return "L!"
print(L([1]), str(L()), repr(L([2])))
class T(tuple):
    pass
print(T((1, 2)), str(T()))
class Bad(int):
    def __str__(self):
        return 5
try:
    print(Bad(1))
except TypeError as e:
    print("TypeError:", e)

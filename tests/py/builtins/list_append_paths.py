# list.append through every route: the method call (run in place), the
# unbound function, a bound method kept in a variable, subclasses that
# override append or not, and the argument errors.
l = []
for i in range(5):
    l.append(i * i)
print(l)
add = l.append
add("bound")
list.append(l, "unbound")
print(l)
class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x)
class Plain(list):
    pass
g, p = Logged(), Plain()
g.append(1)
p.append(2)
p.append(p)
print(g, p, type(p).__name__)
for call in (lambda: l.append(), lambda: l.append(1, 2), lambda: l.append(x=1), lambda: list.append(5, 1),
             lambda: list.append()):
    try:
        call()
    except TypeError as e:
        print(e)
nested = [[] for _ in range(3)]
for i, sub in enumerate(nested):
    sub.append(i)
    sub.append(sub[-1] + 1)
print(nested, [].append(0))
import sys
x = object()
before = sys.getrefcount(x)
holder = []
holder.append(x)
print(sys.getrefcount(x) - before)

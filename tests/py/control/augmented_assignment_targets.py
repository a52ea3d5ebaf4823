lst = [1, 2, 3]
lst[1] += 10
print(lst)
d = {"a": 1}
d["a"] *= 5
d.setdefault("b", 0)
d["b"] -= 1
print(d)
class C:
    n = 0
c = C()
c.n += 1
print(c.n, C.n)

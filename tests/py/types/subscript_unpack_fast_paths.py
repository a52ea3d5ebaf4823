# Fast paths of list/tuple subscripts and unpacking: exact types only, same errors.
l = [10, 20, 30]
t = (1, 2, 3)
print(l[0], l[-1], l[-3], l[True], t[-1], t[0], l[False])
l[1] += 5
l[-1] = "z"
l[True] = "b"
print(l)
try:
    l[3] = 1
except IndexError as e:
    print(e)
class I(int):
    def __index__(self):
        return 0
class G(list):
    pass
g = G([1, 2])
print(l[I(2)], g[0], g[-2], g[I(1)])
g[0] = 9
print(g, type(g[0:1]).__name__)
a, b, c = [1, 2, 3]
for p, v in [[1, 2], [3, 4]]:
    print(p, v, a, b, c)
for bad in ["a, b = [1, 2, 3]", "a, b = [1]", "a, b = G([1, 2])", "a, b = G([1])", "a, = (1, 2)", "a, b = (1, 2, 3)", "a, b = 5"]:
    try:
        exec(bad)
        print("ok", bad)
    except Exception as e:
        print(type(e).__name__, e)

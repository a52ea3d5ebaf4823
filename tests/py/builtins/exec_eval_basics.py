print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[i for i in range(3)]"))
ns = {}
exec("def f(a):\n    return a + 1\ny = f(41)", ns)
print(ns["y"], sorted(k for k in ns if k != "__builtins__"))
exec("z = 5")
print(z)
g = {"v": 1}
exec("v += 1", g)
print(g["v"])

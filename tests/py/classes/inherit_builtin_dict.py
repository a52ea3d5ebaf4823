class DefaultZero(dict):
    def __missing__(self, key):
        return 0

d = DefaultZero(a=1)
print(d["a"], d["zz"])
print(d, len(d))
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u["x"] = 1
print(u)

class Bag:
    def __init__(self):
        self.data = {}
    def __len__(self):
        return len(self.data)
    def __getitem__(self, k):
        return self.data[k]
    def __setitem__(self, k, v):
        print("set", k)
        self.data[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.data[k]
    def __contains__(self, k):
        return k in self.data

b = Bag()
b["a"] = 1
b["b"] = 2
print(len(b), b["a"], "a" in b, "z" in b)
del b["a"]
print(len(b), bool(b))
try:
    b["zz"]
except KeyError as e:
    print("KeyError", e)

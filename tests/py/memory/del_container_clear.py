class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

lst = [D(1), D(2), D(3)]
lst.pop(1)
print("popped")
lst.clear()
print("cleared")
d = {"a": D(4)}
d["a"] = None
print("replaced")

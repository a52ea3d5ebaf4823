class P:
    cls_attr = 1
    def __init__(self):
        self.x = 1
        self.y = "two"

p = P()
print(p.__dict__)
print(vars(p) is p.__dict__)
p.__dict__["z"] = 3
print(p.z)
print(sorted(k for k in vars(P) if not k.startswith("__")))

class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == o.v
k = K(1)
d = {k: "val"}
k.v = 2
print(k in d, K(1) in d, K(2) in d, len(d))
print(list(d.values()))

import copy
a = {"l": [1, 2], "n": 5}
s = copy.copy(a)
d = copy.deepcopy(a)
a["l"].append(3)
print(s["l"], d["l"])
class P:
    def __init__(self):
        self.items = [1]
p = P()
q = copy.deepcopy(p)
q.items.append(2)
print(p.items, q.items)

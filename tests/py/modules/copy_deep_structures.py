import copy
from collections import namedtuple, OrderedDict

l = [1, [2, 3]]
l.append(l)
c = copy.deepcopy(l)
print(c[2] is c, c[1] is not l[1], c[1] == l[1])

class Node:
    def __init__(self, v):
        self.v = v
        self.kids = []

root = Node(1)
root.kids.append(Node(2))
root.kids.append(root.kids[0])
r2 = copy.deepcopy(root)
print(r2.kids[0] is r2.kids[1], r2.kids[0] is not root.kids[0], r2.kids[0].v)

class Custom:
    def __init__(self):
        self.calls = 0
    def __deepcopy__(self, memo):
        print("deepcopy hook with memo", type(memo).__name__)
        return "custom"
print(copy.deepcopy({"k": Custom()}))
P = namedtuple("P", "x y")
print(copy.deepcopy(P(1, [2])), copy.copy(OrderedDict(a=1)))
t = (1, 2)
print(copy.deepcopy(t) is t, copy.copy([1]) == [1])

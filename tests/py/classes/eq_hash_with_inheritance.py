class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return type(o) is type(self) and o.x == self.x
    def __hash__(self):
        return hash(self.x)
class Q(P):
    pass
print(P(1) == P(1), P(1) == Q(1), Q(1) == Q(1))
print(len({P(1), Q(1), P(1)}))

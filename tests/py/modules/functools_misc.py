import functools
@functools.total_ordering
class N:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(N(1) <= N(2), N(3) >= N(2), N(1) > N(1))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))

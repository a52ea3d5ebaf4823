# `constant op local` loads both in one step (and runs the operator with
# them when it can); every other case must behave as the two loads.

def scale(n):
    return 3 * n + 1

print(scale(5), scale(2.5), scale(-7), scale(10**20))
print(scale("ab") if False else 3 * "ab", [3 * x for x in ([1], (2,), "z")])

def compare(n):
    return 0 < n, 1 == n

def contains(s):
    return "a" in s, "a" not in s

print(compare(1), compare(-1), compare(0.5), contains("abc"), contains(["b"]))
try:
    compare("abc")
except TypeError as e:
    print("TypeError:", e)

def unbound():
    r = 2 * later
    later = 1
    return r

try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

class Node:
    def __init__(self):
        self.partner = None
        self.items = [0, 0]

    def reset(self, value):
        self.partner = None
        self.items[1] = value
        return self

n = Node().reset(4)
print(n.partner, n.items)

class Watch:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)

    def clear(self):
        self.x = None

w = Watch()
w.clear()
w.clear()

class Num:
    def __rmul__(self, other):
        return "rmul " + repr(other)

    def __radd__(self, other):
        return "radd " + repr(other)

num = Num()
print(scale.__code__.co_name, 3 * num, 1 + num)
try:
    scale(None)
except TypeError as e:
    print("TypeError:", e)

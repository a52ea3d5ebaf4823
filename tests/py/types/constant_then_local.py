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

# A constant after a computed value: the operator runs with the value
# under it when it can, and generically otherwise.
def parity(n):
    return (n % 2) == 0, (n * 3) + 1, (n // 2) < 10, [n, n + 1][0], (n, "t")[1]

print(parity(7), parity(40), parity(2.5))

class Adder:
    def __add__(self, other):
        return "add " + repr(other)

    def __lt__(self, other):
        return "lt"

    def __getitem__(self, i):
        return "item " + repr(i)

def through(obj):
    return (obj) + 1, obj < 2, obj[0], obj + "s"

print(through(Adder()))
for bad in (lambda n: (n * 1) / 0, lambda n: (n + 0) + "x", lambda n: (n + 0)[0]):
    try:
        bad(3)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__ + ":", e)
total = 0
for i in range(5):
    total = (total * 2) + 1
print(total, "%d items" % 3, ("x" * 2) * 3)

# `is`, `is not`, `in` and `not in` feeding an `if` or `while` jump on
# the result directly; the same tests as values must still give bools.

def classify(x):
    if x is None:
        return "none"
    if x is not True:
        return "not true"
    return "true"

print([classify(v) for v in (None, True, False, 0, "")])

node = (1, (2, (3, None)))
depth = 0
while node is not None:
    depth += 1
    node = node[1]
print("depth", depth)

d = {"a": 1, "b": 2}
for k in ("a", "z"):
    if k in d:
        print(k, "in")
    if k not in d:
        print(k, "not in")

values = [x is None for x in (None, 1)] + [x in d for x in ("a", "q")]
print(values, type(values[0]).__name__)
flag = "a" in d
print(flag, "q" not in d)

class Weird:
    def __contains__(self, item):
        if item == "boom":
            raise ValueError("no " + item)
        return item == "yes"

w = Weird()
print("yes" in w, "no" in w)
try:
    if "boom" in w:
        print("unreachable")
except ValueError as e:
    print("ValueError:", e)

class Truthy:
    def __contains__(self, item):
        return [1]

if 0 in Truthy():
    print("truthy __contains__ result counts as True")
print(0 in Truthy())

i = 0
while i not in (3, 4):
    i += 1
print("stopped at", i)
one = 1
print(None is None if True else 0, (one is not None) and "yes")

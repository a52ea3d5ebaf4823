l = list(range(10))
l[2:5] = ["a", "b"]
print(l)
l[:0] = [-1]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
del l[::3]
print(l)
l[1:1] = "xy"
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(e)

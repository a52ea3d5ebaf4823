data = [("a", 2), ("b", 1), ("c", 2), ("d", 1), ("e", 3)]
by_num = sorted(data, key=lambda t: t[1])
print(by_num)
print(sorted(sorted(data, key=lambda t: t[0], reverse=True), key=lambda t: t[1]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)

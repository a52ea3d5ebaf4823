rows = [("b", 2, 1.5), ("a", 2, 0.5), ("c", 1, 9.0)]
print(sorted(rows, key=lambda r: (r[1], r[0])))
print(sorted(rows, key=lambda r: (-r[1], r[2])))
print(sorted(rows, key=None) == sorted(rows))
print(sorted([[2, 1], [1, 2], [1]]))

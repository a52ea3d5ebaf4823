a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= b, {3} <= a, {3} < a, a >= {1}, a.isdisjoint({9}), a.issubset(range(10)))
print(sorted(a.union([9], (8,))), sorted(a.intersection(b, {4})), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)))

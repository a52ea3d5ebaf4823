a, b = [1, 2, 3], ["x"]
n = max(len(a), len(b))
print([(a[i] if i < len(a) else None, b[i] if i < len(b) else None) for i in range(n)])
for i, (x, y) in enumerate(zip(a, a[1:]), 1):
    print(i, x, y)

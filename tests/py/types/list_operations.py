a = [1, 2, 3]
print(a + [4], a * 2, [0] * 3, 2 in a, a == [1, 2, 3], a < [1, 2, 4], [1, 2] < [1, 2, 0])
print(len(a), min(a), max(a), sum(a), list(reversed(a)), a[::-1])
n = [[0] * 2] * 2
n[0][0] = 1
print(n)
print(list("abc"), list(range(3)), list({"k": 1}))

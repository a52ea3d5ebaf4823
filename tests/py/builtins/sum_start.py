print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([], 5), sum([0.1] * 3))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)

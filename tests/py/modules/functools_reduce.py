from functools import reduce
import operator
print(reduce(operator.add, [1, 2, 3, 4]))
print(reduce(lambda a, b: a * b, range(1, 6), 1))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2], []))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)

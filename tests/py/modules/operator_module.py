import operator
print(operator.add(1, 2), operator.mul(3, 4), operator.neg(5), operator.truediv(1, 4))
print(operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("abc"))
print(operator.attrgetter("real")(3 + 4j), operator.methodcaller("upper")("x"))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)))
print(operator.contains([1, 2], 2), operator.not_(0), operator.getitem({"k": "v"}, "k"))

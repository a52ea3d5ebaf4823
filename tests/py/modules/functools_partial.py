from functools import partial
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(5), two_to(10), square.keywords, two_to.args)
print(partial(int, base=2)("1010"))
print(list(map(partial(max, 0), [-1, 5, -3])))

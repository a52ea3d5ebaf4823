# `is` with a literal operand draws a SyntaxWarning at compile time (to
# stderr, with the source line), for every comparison that has one; the
# program runs as written.
x = 1
if x is 1:
    print("one")
print(x is not "a", () is ())
print(x is None, x is not True, x is ..., 1 == 1 is 2)
exec("y = x is 'abc'")
print(y)


def f(a):
    return a is -1 or a is (1, 2)


print(f(1))
print(x is [], x is {}, not (x is 5))
print(x is x, x is not None)

def f(x):
    match x:
        case [a, b, c]:
            return "seq3"
        case str():
            return "str"
    return "none"

print(f("abc"), f(b"abc"), f([1, 2, 3]), f(bytearray(b"xyz")), f(range(3)))

def f(x):
    match x:
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [_, _, *_]:
            return "many"
        case other:
            return f"other {other!r}"

print(f([1]), f([1, 2]), f([1, 2, 3]), f("ab"), f(5), f(()))

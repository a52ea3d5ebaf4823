def f(x):
    match x:
        case (a, b) as pair if a == b:
            return f"equal pair {pair}"
        case (a, b):
            return f"pair {a} {b}"
        case int() as n if n < 0:
            return "negative"
        case [int() | str() as item]:
            return f"single {item!r}"
    return "no match"

for v in ((1, 1), (1, 2), -3, 3, [5], ["s"], [1.5]):
    print(f(v))

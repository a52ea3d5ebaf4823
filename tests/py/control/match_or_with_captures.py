def f(x):
    match x:
        case (1, y) | (2, y):
            return f"tagged {y}"
        case {"a": v} | {"b": v}:
            return f"dict {v}"
        case [*_, last] if last == "end":
            return "ends with end"
    return "nothing"

for v in ((1, "p"), (2, "q"), (3, "r"), {"b": 9}, ["x", "end"], ["end", "x"]):
    print(f(v))

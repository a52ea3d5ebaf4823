def f(x):
    match x:
        case {"items": [{"id": i}, *others]}:
            return f"first id {i}, {len(others)} more"
        case [[a, b], [c, d]]:
            return a * d - b * c
        case (1, (2, (3, rest))):
            return rest
    return None

print(f({"items": [{"id": 7}, {}, {}]}))
print(f([[1, 2], [3, 4]]))
print(f((1, (2, (3, "deep")))))
print(f("nope"))

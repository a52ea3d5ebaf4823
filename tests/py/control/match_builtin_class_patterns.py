def kind(x):
    match x:
        case bool():
            return "bool"
        case int():
            return "int"
        case list([*_]):
            return "list"
        case tuple((a, *_)):
            return f"tuple starting {a}"
        case dict():
            return "dict"
    return "other"

for v in (True, 3, [1], (9, 8), {}, (), None):
    print(repr(v), kind(v))

def f(x):
    match x:
        case -1:
            return "minus one"
        case 0.5:
            return "half"
        case 1 + 2j:
            return "complex"
        case 10 | 20:
            return "ten or twenty"
    return "other"

print([f(v) for v in (-1, 0.5, 1 + 2j, 20, 3)])

def f(seq):
    match seq:
        case [first, *middle, last]:
            return first, middle, last
        case [only]:
            return ("only", only)
        case []:
            return "empty"

print(f([1, 2, 3, 4]), f([1, 2]), f([7]), f([]), f((5, 6, 7)))

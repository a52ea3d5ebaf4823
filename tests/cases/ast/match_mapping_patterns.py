match x:
    case {}:
        pass
    case {'a': 1, 'b': b}:
        pass
    case {'a': 1, **rest}:
        pass
    case {Color.RED: x, None: y, -1: z}:
        pass

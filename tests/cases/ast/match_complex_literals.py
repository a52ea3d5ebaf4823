match x:
    case -0j:
        pass
    case 1 + 0j | -1.5 - 2j:
        pass
    case {1: _, 'a': [*_]}:
        pass

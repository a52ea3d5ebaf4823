match x:
    case [a, b]:
        pass
    case (a, b, *rest):
        pass
    case [*_]:
        pass
    case ():
        pass
    case []:
        pass
    case a, *b, c:
        pass
    case (a,):
        pass
    case (a):
        pass

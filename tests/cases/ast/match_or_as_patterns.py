match x:
    case 1 | 2 | 3:
        pass
    case [a, b] as c:
        pass
    case (1 | 2) as d:
        pass
    case Point(x=(0 | 1) as e):
        pass

match p:
    case Point(x=Point(y=[1, *_]), z={'k': v}):
        pass
    case [Point(), (1 | 2) as q, {**kw}]:
        pass

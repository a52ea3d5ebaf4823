match x:
    case Point():
        pass
    case Point(0, 0):
        pass
    case Point(x=0, y=1):
        pass
    case mod.Point(1, y=2,):
        pass

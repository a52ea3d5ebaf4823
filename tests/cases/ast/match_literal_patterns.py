match x:
    case 1:
        pass
    case -1:
        pass
    case 1.5 + 2j:
        pass
    case -1 - 2j:
        pass
    case 'a' 'b':
        pass
    case b'x':
        pass
    case None:
        pass
    case True | False:
        pass

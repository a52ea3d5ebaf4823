registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls

def add_repr(cls):
    def __repr__(self):
        return cls.__name__ + str(sorted(vars(self).items()))
    cls.__repr__ = __repr__
    return cls

@register
@add_repr
class P:
    def __init__(self):
        self.b, self.a = 2, 1

print(registry, P.registered, P())

print(type(1), type("s"), type([]), type(None), type(type))
class K:
    pass
print(type(K()).__name__, type(K).__name__)
print(type(1) is int, type(True) is bool, type(1.0) == float)

class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, object)))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int))
print(isinstance(A, type), isinstance(type, type), isinstance(type, object))
print(isinstance(None, type(None)))

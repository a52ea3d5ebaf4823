class A: pass
class B(): pass
class C(A, B): pass
class D(A, metaclass=M, **kw): pass
class E(*bases): pass
class F:
    x: int = 1
    def m(self): return self.x

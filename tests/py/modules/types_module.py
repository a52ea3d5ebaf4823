# The `types` module: names of builtin types and SimpleNamespace.
import types
def f(): pass
def g(): yield 1
class C:
    def m(self): pass
print(types.FunctionType, types.LambdaType, types.GeneratorType, types.MethodType)
print(types.BuiltinFunctionType, types.ModuleType, types.NoneType, types.CodeType, types.CellType)
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(g(), types.GeneratorType))
print(isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
print(types.EllipsisType, types.NotImplementedType, type(...) is types.EllipsisType)
ns = types.SimpleNamespace(a=1, b=[2])
ns.c = "three"
print(ns, ns.a, ns.c, vars(ns))
print(ns == types.SimpleNamespace(a=1, b=[2], c="three"), ns != types.SimpleNamespace())
del ns.a
print(ns, types.SimpleNamespace(y=2))
try:
    types.SimpleNamespace({"x": 1})
except TypeError as e:
    print(e)
class Sub(types.SimpleNamespace):
    pass
print(Sub(k=1))
print(ns.__hash__ is None)

eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ValueError(3)]), KeyError(4)])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup((TypeError, KeyError))))
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "mid").message)
print(eg.split(OSError))
print(eg.subgroup(ExceptionGroup) is eg)
eg.add_note("shared note")
part = eg.subgroup(KeyError)
print(part.__notes__, part.__notes__ is eg.__notes__, str(part), part.message)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__, type(BaseExceptionGroup("b", [SystemExit()])).__name__)
for args in [("m", []), (1, [ValueError()]), ("m", [1]), ("m", 5), ("m", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    eg.split(42)
except TypeError as e:
    print(e)
print(eg.derive([OSError(9)]), repr(eg.exceptions[1].exceptions))

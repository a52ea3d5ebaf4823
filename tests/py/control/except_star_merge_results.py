# What leaves a try/except* statement: unhandled parts, re-raised parts
# and new exceptions are merged as CPython does.
def run(excs, raise_new):
    try:
        try:
            raise ExceptionGroup("eg", excs)
        except* ValueError as e:
            print("caught", repr(e))
            if raise_new:
                raise KeyError("new")
        except* TypeError:
            raise
    except BaseException as out:
        print("out", repr(out))
    else:
        print("nothing left")

run([ValueError(1)], False)
run([ValueError(1), OSError(2)], False)
run([ValueError(1)], True)
run([ValueError(1), TypeError(2)], True)
run([TypeError(3), ExceptionGroup("inner", [ValueError(4), OSError(5)])], False)
try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked", repr(e), repr(e.exceptions[0]))

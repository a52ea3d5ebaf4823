def trial(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__

print(trial(KeyError("k")))
print(trial(IndexError()))
print(trial(ZeroDivisionError()))
print(trial(OverflowError()))
print(trial(ValueError()))

pairs = [(ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError),
         (FileNotFoundError, OSError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
         (StopIteration, Exception), (KeyboardInterrupt, Exception), (SystemExit, BaseException),
         (UnicodeDecodeError, ValueError), (ModuleNotFoundError, ImportError), (TypeError, ValueError)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))

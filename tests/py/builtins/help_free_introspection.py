print(len.__name__, abs.__name__, type(len).__name__, print.__name__)
print(callable(print), isinstance(print, type(len)))

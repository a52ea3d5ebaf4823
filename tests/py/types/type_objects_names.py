for t in (int, float, str, bytes, list, tuple, dict, set, frozenset, bool, type, object, range, slice, complex, bytearray, type(None)):
    print(t.__name__, type(t).__name__)
print(type(len).__name__, type(lambda: 0).__name__, type([].append).__name__)
print(int.__qualname__, str.__module__, type(print).__module__)

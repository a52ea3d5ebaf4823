# Methods of builtin types called through the type with a receiver of
# the wrong type, or none: TypeError naming both types.
calls = [
    lambda: list.append(5, 1), lambda: list.pop(5), lambda: list.sort(3), lambda: list.copy(),
    lambda: dict.get(1, 2), lambda: dict.keys([]), lambda: dict.keys(), lambda: dict.__getitem__([], 1),
    lambda: dict.__setitem__((), 1, 2), lambda: bytearray.append(b"", 1), lambda: str.encode(1),
    lambda: list.append(), lambda: dict.__reversed__({}.keys()),
]
for call in calls:
    try:
        call()
        print("no error")
    except TypeError as e:
        print(type(e).__name__, e)

try:
    try:
        raise KeyError("inner")
    except KeyError as e:
        raise ValueError("middle") from e
except ValueError:
    raise TypeError("outer")

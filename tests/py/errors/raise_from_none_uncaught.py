try:
    [][0]
except IndexError:
    raise LookupError("hidden context") from None

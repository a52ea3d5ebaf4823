present = 1


def __getattr__(name):
    if name.startswith("dynamic"):
        return f"made {name}"
    if name == "other":
        return 42
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

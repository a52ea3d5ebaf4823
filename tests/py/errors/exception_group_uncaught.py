raise ExceptionGroup("several", [ValueError("one"), KeyError("two")])

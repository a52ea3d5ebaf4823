def leaf():
    raise ValueError("deep")

def build():
    try:
        leaf()
    except ValueError as e:
        e.add_note("note on the leaf")
        group = ExceptionGroup("outer", [e, ExceptionGroup("inner", [TypeError("t"), KeyError("k")])])
        group.add_note("note on the group")
        raise group from OSError(2, "cause")

build()

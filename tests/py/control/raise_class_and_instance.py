for thing in (ValueError, ValueError("msg"), KeyError):
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, repr(e), e.args)

def f():
    """Docstring.

    More.
    """
    return 1

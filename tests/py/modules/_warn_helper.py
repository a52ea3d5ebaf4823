import warnings


def old_api():
    warnings.warn("old_api() is deprecated", DeprecationWarning, stacklevel=2)
    return "old"


def shout(text):
    warnings.warn(text)


class Legacy:
    def __init__(self, value):
        warnings.warn("Legacy is deprecated", DeprecationWarning, stacklevel=2)
        self.value = value


warnings.warn("importing _warn_helper", UserWarning, stacklevel=2)

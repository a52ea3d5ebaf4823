import warnings
import _warn_helper

print(warnings.filters)
print(sorted(warnings.__all__))

warnings.warn("plain message")
warnings.warn("a runtime problem", RuntimeWarning)
warnings.warn(FutureWarning("an instance", 2))
warnings.warn(UserWarning("instance wins"), SyntaxWarning)
warnings.warn(42)


class MyWarning(UserWarning):
    pass


warnings.warn("my own category", MyWarning)


def deprecated_function():
    warnings.warn("deprecated_function is old", DeprecationWarning, stacklevel=2)
    return 1


def caller():
    return deprecated_function()


caller()
print(_warn_helper.old_api())
obj = _warn_helper.Legacy(3)
print(obj.value)
_warn_helper.shout("from the helper")
warnings.warn("too deep", stacklevel=100)
warnings.warn("level zero", stacklevel=0)
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("import", ImportWarning)
warnings.warn("resource", ResourceWarning)
warnings.warn("bytes", BytesWarning)
for i in range(3):
    warnings.warn("in a loop")
    warnings.warn("deprecated in a loop", DeprecationWarning)
print(sorted((str(k[0]), k[1].__name__) + k[2:] for k in __warningregistry__ if k != "version"))
print(__warningregistry__["version"])
print("done")

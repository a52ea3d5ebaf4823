import warnings
import _warn_helper


def show_registry(reg):
    items = [(k, v) for k, v in reg.items() if k != "version"]
    print(reg.get("version"), sorted(((k[0], k[1].__name__) + k[2:], v) for k, v in items))


warnings.simplefilter("once")
for i in range(3):
    warnings.warn("once message")
    _warn_helper.shout("once message")
show_registry(__warningregistry__)
show_registry(_warn_helper.__warningregistry__)

warnings.simplefilter("module")
for i in range(2):
    warnings.warn("module message")
    warnings.warn("module message")
show_registry(__warningregistry__)

warnings.simplefilter("default")
for i in range(2):
    warnings.warn("default message")
    warnings.warn("default message")

warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always message")

warnings.simplefilter("ignore", UserWarning)
warnings.warn("ignored user warning")
warnings.warn("shown runtime warning", RuntimeWarning)
print([f[0] for f in warnings.filters[:4]])

warnings.resetwarnings()
print(warnings.filters)
warnings.warn("after reset", DeprecationWarning)
warnings.filterwarnings("ignore", message="skip")
warnings.filterwarnings("error", message="FATAL", category=RuntimeWarning)
warnings.filterwarnings("ignore", module="_warn_hel")
print(warnings.filters)
warnings.warn("Skip me please")
warnings.warn("do not skip me")
_warn_helper.shout("silenced by module")
try:
    warnings.warn("fatal: disk full", RuntimeWarning)
except RuntimeWarning as e:
    print("caught", repr(e))
warnings.warn("fatal but a UserWarning")

warnings.resetwarnings()
warnings.simplefilter("error", lineno=58)
warnings.simplefilter("error", lineno=58)
print(len(warnings.filters))
try:
    warnings.warn("on line 58")
except UserWarning as e:
    print("line filter", e)
warnings.warn("on another line")
warnings.simplefilter("ignore", append=True)
warnings.simplefilter("ignore", append=True)
print([(f[0], f[4]) for f in warnings.filters])

for action in ("bogus", "ERROR"):
    try:
        warnings.simplefilter(action)
    except AssertionError as e:
        print("AssertionError", e)
for kwargs in (dict(category=int), dict(category="x"), dict(message=1), dict(module=None), dict(lineno=-1)):
    try:
        warnings.filterwarnings("ignore", **kwargs)
    except AssertionError as e:
        print("AssertionError", e)
warnings.filters.insert(0, ("weird", None, Warning, None, 0))
try:
    warnings.warn("unknown action")
except RuntimeError as e:
    print("RuntimeError", e)

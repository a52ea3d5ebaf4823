import warnings


def parse(value):
    if value.startswith("0"):
        warnings.warn("leading zeros are deprecated", DeprecationWarning, stacklevel=2)
    return int(value)


def load(values):
    return [parse(v) for v in values]


print(load(["1", "2"]))
warnings.simplefilter("error", DeprecationWarning)
try:
    load(["07"])
except DeprecationWarning as e:
    print("caught:", e)
print("now uncaught")
load(["1", "08"])
print("not reached")

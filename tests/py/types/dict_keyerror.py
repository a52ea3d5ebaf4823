d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print(repr(e), e.args)
try:
    d.pop("q")
except KeyError as e:
    print(repr(e))
try:
    {}.popitem()
except KeyError as e:
    print(e)

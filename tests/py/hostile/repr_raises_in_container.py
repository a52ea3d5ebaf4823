# A __repr__ that raises (or returns a non-str) inside print/str/repr of
# containers: the exception propagates out of the whole conversion.
class Bad:
    def __repr__(self):
        raise KeyError("no repr")

class NotStr:
    def __repr__(self):
        return 42

for label, value in (("list", [1, Bad()]), ("tuple", (Bad(),)), ("dict value", {1: Bad()}),
                     ("dict key", {Bad(): 1}), ("nested", [[[Bad()]]]),
                     ("set", {NotStr()}), ("list non-str", [NotStr()])):
    for how in (repr, str, print):
        try:
            how(value)
            print(label, how.__name__, "ok")
        except Exception as e:
            print(label, how.__name__, type(e).__name__, e)
print(f"{[1, 2]!r}")
try:
    print(f"{[Bad()]}")
except KeyError as e:
    print("f-string", repr(e))

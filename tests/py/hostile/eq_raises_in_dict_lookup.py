class Bad:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise RuntimeError("eq exploded")
d = {Bad(): 1}
try:
    d[Bad()]
except RuntimeError as e:
    print(e)
try:
    Bad() in [Bad()]
except RuntimeError as e:
    print("list:", e)

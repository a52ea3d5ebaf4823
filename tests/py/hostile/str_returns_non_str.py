class S:
    def __str__(self):
        return 5
class R:
    def __repr__(self):
        return None
try:
    str(S())
except TypeError as e:
    print(e)
try:
    repr(R())
except TypeError as e:
    print(e)
try:
    print(S())
except TypeError as e:
    print(e)

class R:
    def __repr__(self):
        return "R(" + repr(self) + ")"
try:
    repr(R())
except RecursionError as e:
    print("RecursionError:", e)

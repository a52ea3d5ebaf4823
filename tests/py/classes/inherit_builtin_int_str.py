class Meters(int):
    def __repr__(self):
        return f"{int(self)}m"
m = Meters(5)
print(repr(m), m + 1, type(m + 1).__name__)
class Shout(str):
    def shout(self):
        return self.upper() + "!"
print(Shout("hi").shout(), Shout("ab") + "c")

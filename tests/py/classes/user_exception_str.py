class E(Exception):
    def __str__(self):
        return "custom message"
class F(Exception):
    def __repr__(self):
        return "F!"
try:
    raise E("ignored")
except E as e:
    print(e, repr(e), e.args)
print(str(F("x")), repr(F("x")))

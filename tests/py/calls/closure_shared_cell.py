def pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_

g, s = pair()
print(g())
s(42)
print(g())
s("text")
print(g())

def tag(name):
    def deco(f):
        def w(*a):
            return "<" + name + ">" + f(*a) + "</" + name + ">"
        return w
    return deco

@tag("b")
@tag("i")
def text(s):
    return s

print(text("hi"))

order = []
def mark(n):
    order.append("make " + n)
    def d(f):
        order.append("apply " + n)
        return f
    return d

@mark("1")
@mark("2")
def g():
    pass
print(order)

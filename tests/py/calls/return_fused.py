# `return local` and `return constant` run as one instruction; the
# value, errors, finally blocks and generators must not notice.
import sys

def ret_local(x):
    y = x
    return y

def ret_const():
    return "const"

def ret_none():
    pass

print(ret_local(5), ret_const(), ret_none())

def unbound(flag):
    if flag:
        v = 1
    return v

print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def deleted():
    v = 1
    del v
    return v

try:
    deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

def finally_runs():
    x = "value"
    try:
        return x
    finally:
        print("finally ran")

print(finally_overrides(), finally_runs())

def gen():
    total = 0
    for i in range(3):
        total += yield i
    return total

g = gen()
next(g)
g.send(1)
g.send(2)
try:
    g.send(3)
except StopIteration as e:
    print("StopIteration value", e.value)

class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def keep_one():
    a = Noisy("a")
    b = Noisy("b")
    return b

kept = keep_one()
print("returned", kept.name)
del kept

def count():
    obj = object()
    before = sys.getrefcount(obj)
    return obj, before

o, before = count()
print(before, sys.getrefcount(o))

class Init:
    def __init__(self):
        self.x = 1
        return None

print(Init().x)

class BadInit:
    def __init__(self):
        return 0

try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)

lam = lambda q: q
print(lam(9), [ret_local(i) for i in range(3)])

# A for loop over a generator resumes its frame in the dispatch loop itself:
# yields, returns, exceptions (PEP 479), finally on break, exception state,
# nesting and deep recursion must behave as a nested resume does.
import sys
def g(n):
    for i in range(n):
        yield i
print(list(g(3)), [x for x in g(4)])
for x in g(2):
    print("x", x)
def stop():
    yield 1
    raise StopIteration("inner")
try:
    for v in stop():
        print("v", v)
except RuntimeError as e:
    print("RE", e, repr(e.__cause__))
def boom():
    yield 1
    1 / 0
try:
    for v in boom():
        print("b", v)
except ZeroDivisionError as e:
    print("ZDE", e)
def running():
    for y in it:
        yield y
it = running()
try:
    for z in it:
        pass
except ValueError as e:
    print("VE", e)
def ret():
    yield 5
    return 9
print([v for v in ret()])
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally")
for v in fin():
    print("f", v)
    break
print("after break")
gg = fin()
for v in gg:
    print("gg", v)
print(gg.gi_running, gg.gi_frame)
def outer():
    yield from g(3)
    yield "end"
print(list(outer()), [x for x in outer()])
def nested():
    for a in g(2):
        for b in g(2):
            yield a, b
for t in nested():
    print(t)
def ctx():
    try:
        raise KeyError("k")
    except KeyError:
        for v in g(2):
            yield v
        raise
try:
    for v in ctx():
        print("ctx", v)
except KeyError as e:
    print("reraised", e)
def deep(n):
    yield n
    if n < 5000:
        for v in deep(n + 1):
            yield v
try:
    print(sum(1 for _ in deep(0)))
except RecursionError as e:
    print("RecursionError")
def tb():
    yield 1
    raise ValueError("tb")
for v in tb():
    pass

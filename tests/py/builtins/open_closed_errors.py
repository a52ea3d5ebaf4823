# Files are closed by with, close() is idempotent, and closed files refuse I/O.
import os
name = "ouro_test_tmp_closed.txt"
with open(name, "w") as f:
    print(f.closed, f.write("data"))
print(f.closed)
f.close()
ops = [("read", lambda f: f.read()), ("readline", lambda f: f.readline()), ("write", lambda f: f.write("x")),
       ("tell", lambda f: f.tell()), ("iter", lambda f: iter(f)), ("with", lambda f: f.__enter__())]
for label, op in ops:
    try:
        op(f)
    except ValueError as e:
        print(label, "ValueError:", e)
g = open(name, "rb")
g.close()
for label, op in ops[:2] + [("write", lambda f: f.write(b"x"))]:
    try:
        op(g)
    except ValueError as e:
        print(label, "ValueError:", e)
try:
    with open(name) as h:
        raise KeyError("inside")
except KeyError:
    print("closed after error:", h.closed)
os.remove(name)

def f():
    raise ValueError("v")

try:
    f()
except ValueError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("frames", n)
    print(e.with_traceback(None) is e)

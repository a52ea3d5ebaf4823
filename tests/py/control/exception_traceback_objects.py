def inner():
    raise KeyError("k")

def outer():
    inner()

try:
    outer()
except KeyError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_frame.f_code.co_filename.endswith("objects.py"))
        tb = tb.tb_next
    saved = e.__traceback__
    print(e.with_traceback(None).__traceback__)
    e.with_traceback(saved)
    print(e.__traceback__.tb_next.tb_lineno)
print(ValueError().__traceback__)

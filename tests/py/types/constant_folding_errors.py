# A fold that raises is left to run time: the error comes from the line
# that was written, when it runs.
def div():
    x = 1
    return x + 1 / 0

def bad_subscript():
    return 'abc'[10]

def bad_neg():
    return -'a'

def bad_add():
    return 'a' + 1

def bad_pow():
    return 0 ** -1

def bad_mod():
    return '%d' % 'x'

def bad_shift():
    return 1 << -1

for f in (div, bad_subscript, bad_neg, bad_add, bad_pow, bad_mod, bad_shift):
    try:
        f()
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        print(f.__name__, type(e).__name__, e, tb.tb_lineno)

def never():
    return 2 ** 10 ** 10, 'a' * 10 ** 12, (1,) * 10 ** 12
print('defined', never.__name__)
print(1 / 0)

def f():
    global a, b
    x = 1
    def g():
        nonlocal x
        global c

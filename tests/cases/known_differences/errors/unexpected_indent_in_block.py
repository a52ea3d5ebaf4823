if x:
    a
        b

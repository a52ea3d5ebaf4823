def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x += 10
            return x
        r = inner()
        return r, x
    print(middle())
    print(x)
    return x

print(outer())

x = "module"

def set_global():
    global x, y
    x = "changed"
    y = "new"

def local_shadow():
    x = "local"
    return x

print(local_shadow(), x)
set_global()
print(x, y)

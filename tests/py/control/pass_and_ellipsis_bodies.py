def f():
    pass

def g():
    ...

class Empty:
    pass

print(f(), g(), Empty.__name__)
if True:
    pass
print("ok")

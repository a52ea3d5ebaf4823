class A:
    def __del__(self):
        print("A del")
class B:
    def __del__(self):
        print("B del")

def scope():
    a = A()
    b = B()
    print("leaving")
scope()
print("left")

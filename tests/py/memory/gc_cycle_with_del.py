import gc
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalizing", self.name)
gc.collect()
a = Node("a")
a.self_ref = a
del a
print("before collect")
n = gc.collect()
print("collected", n)

# __del__ runs once for each object of a cycle; the objects are freed.
import gc
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, self.other.name)
gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("collect:", gc.collect())
print("again:", gc.collect())

def outer():
    def inner():
        pass
    return inner

class K:
    def method(self):
        def local():
            pass
        return local

print(outer().__qualname__)
print(K.method.__qualname__)
print(K().method().__qualname__)
print((lambda: 0).__qualname__)
